import type { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import { invoiceRepository } from '../../../db/repositories/invoice-repository.js';
import { recipientRepository } from '../../../db/repositories/recipient-repository.js';
import type { OrganizationContext } from '../../../domain/access/actor.js';
import { dueReminderLetter } from '../../../domain/notifications/messages.js';
import { loadInvoices } from '../billing/invoice-details.js';
import { tell, type Notice } from './tell.js';

/** How many days before its due date a family is reminded of an invoice still open. */
export const REMIND_DAYS_BEFORE_DUE = 3;

/**
 * The daily reminder (DESIGN.md "Notifications"): every open invoice with something due in
 * three days. Each invoice and due date is reminded once, however often this runs (the
 * outbox's once key); an invoice whose due date moves is reminded of the new one. Returns how many
 * invoices are due for a reminder that day (those already reminded included).
 */
export async function remindDueInvoices(db: Database, organization: OrganizationContext): Promise<number> {
  const dueOn: Temporal.PlainDate = organization.today.add({ days: REMIND_DAYS_BEFORE_DUE });
  return db.transaction(async (tx) => {
    const rows = await invoiceRepository.listOpenDueOn(tx, organization.id, dueOn.toString());
    const due = (await loadInvoices(tx, organization.id, rows)).filter((invoice) => invoice.amountDue > 0);
    const guardians = await recipientRepository.guardiansOfFamilies(tx, organization.id, [...new Set(due.map((i) => i.familyId))]);
    const writer = { organizationName: organization.name, money: { currency: organization.currency, locale: organization.locale } };
    const notices: Notice[] = due.map((invoice) => {
      const letter = dueReminderLetter(writer, { clientName: invoice.clientName, amountDue: invoice.amountDue, dueOn: invoice.dueOn });
      return {
        topic: 'due_reminder',
        about: { type: 'invoice', id: invoice.id },
        familyId: invoice.familyId,
        recipients: guardians.get(invoice.familyId) ?? [],
        letterFor: () => letter,
        onceKey: `due_reminder:${invoice.id}:${invoice.dueOn}`,
      };
    });
    await tell(tx, organization, notices);
    return notices.length;
  });
}
