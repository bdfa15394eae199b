import type { Database } from '../../../db/client.js';
import { auditRepository } from '../../../db/repositories/audit-repository.js';
import { invoiceRepository, type InvoiceRow } from '../../../db/repositories/invoice-repository.js';
import { subscriptionRepository } from '../../../db/repositories/subscription-repository.js';
import { AppError } from '../../../domain/errors.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';
import type { InvoiceDto } from '../../../contracts/billing.js';
import { loadInvoices } from './invoice-details.js';
import type { InvoiceFacts } from '../../../domain/billing/invoice-rules.js';
import type { MoneyDisplay } from '../../../domain/billing/value-sets.js';
import type { LedgerContext } from './ledger.js';

export const invoiceNotFound = () => new AppError('NOT_FOUND', 'No invoice has this id in your organization.');

/** The amounts an audit event shows before and after a change. */
function summary(invoice: InvoiceDto) {
  const { status, subtotal, discountTotal, total, paid, credited, writtenOff, amountDue } = invoice;
  return { status, subtotal, discountTotal, total, paid, credited, writtenOff, amountDue };
}

export function factsOf(invoice: InvoiceDto): InvoiceFacts {
  return { ...summary(invoice), discounts: invoice.discounts };
}

export interface InvoiceChangeContext {
  tx: Database;
  organizationId: string;
  /** The locked row and the invoice as it stood when locked. */
  row: InvoiceRow;
  invoice: InvoiceDto;
  money: MoneyDisplay;
  /** Who acts and on which day, for the ledger entries the change records. */
  ledger: LedgerContext;
}

/**
 * One change to one invoice, in one transaction: locks the invoice row (so concurrent
 * payments queue and see each other), runs `change` (which records its ledger entries), and
 * records an audit event with the amounts before and after (plus what `change` returns), in
 * the client's history when the invoice belongs to a client's subscription. A refusal thrown
 * by `change` changes nothing.
 */
export async function changeInvoice(
  db: Database,
  organization: OrganizationContext,
  actor: Actor,
  invoiceId: string,
  o: { action: string; change: (context: InvoiceChangeContext) => Promise<Record<string, unknown>> },
): Promise<InvoiceDto> {
  return db.transaction(async (tx) => {
    const row = await invoiceRepository.findByIdForUpdate(tx, organization.id, invoiceId);
    if (!row) throw invoiceNotFound();
    const [before] = await loadInvoices(tx, organization.id, [row]);
    const details = await o.change({
      tx,
      organizationId: organization.id,
      row,
      invoice: before!,
      money: { currency: organization.currency, locale: organization.locale },
      ledger: { organizationId: organization.id, actorUserId: actor.userId, today: organization.today },
    });
    const updated = (await invoiceRepository.findById(tx, organization.id, invoiceId))!;
    const [after] = await loadInvoices(tx, organization.id, [updated]);
    const subscription = row.subscriptionId
      ? await subscriptionRepository.findById(tx, organization.id, row.subscriptionId)
      : undefined;
    await auditRepository.record(tx, {
      organizationId: organization.id,
      actor,
      action: o.action,
      entityType: 'invoice',
      entityId: row.id,
      clientId: subscription?.clientId ?? null,
      before: summary(before!),
      after: { ...summary(after!), ...details },
    });
    return after!;
  });
}
