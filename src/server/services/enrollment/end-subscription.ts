import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import { writeOffRepository } from '../../../db/repositories/invoice-adjustment-repository.js';
import { invoiceRepository } from '../../../db/repositories/invoice-repository.js';
import { recordInLedger, type LedgerContext } from '../billing/ledger.js';
import { subscriptionRepository, type SubscriptionRow } from '../../../db/repositories/subscription-repository.js';
import { AppError } from '../../../domain/errors.js';
import { writeDate } from '../../../domain/formatting/intl-formats.js';
import { isRealSessionDate, type SessionSchedule } from '../../../domain/schedule/session-dates.js';
import { coversDate } from '../../../domain/subscriptions/coverage.js';
import { periodOf } from '../schedule/session-dates-with-enrollment.js';

/**
 * Unenrolls from `date` on (exclusive end): checks the date is one the client is enrolled
 * on, ends the subscription (voids it when it ends before its first date) and voids its
 * open invoices due on or after the end. Paid invoices stay: credits are computed from them.
 */
export async function endSubscription(
  db: Database,
  o: {
    organizationId: string;
    /** Who ends it and on which day, for the ledger entries of the invoices it voids. */
    ledger: LedgerContext;
    /** How the organization writes dates in messages. */
    locale: string;
    subscription: SubscriptionRow;
    sessionName: string;
    schedule: SessionSchedule;
    date: Temporal.PlainDate;
  },
) {
  const { subscription, date } = o;
  const iso = date.toString();
  if (subscription.status === 'void') {
    throw new AppError('SUBSCRIPTION_ENDED', 'This enrollment was cancelled; there is nothing to end.');
  }
  if (subscription.endsOn && iso >= subscription.endsOn) {
    throw new AppError(
      'END_DATE_LATER',
      `This enrollment already ends on ${writeDate(subscription.endsOn, o.locale)}; an end can move earlier, never later (enroll again instead).`,
      { fields: [{ field: 'body.date', message: `must be before ${writeDate(subscription.endsOn, o.locale)}` }] },
    );
  }
  if (!isRealSessionDate({ ...o.schedule, date }) || !coversDate({ period: periodOf(subscription), date })) {
    throw new AppError(
      'NOT_ENROLLED_ON_DATE',
      `The client is not enrolled in ${o.sessionName} on ${writeDate(date, o.locale)}; ` +
        `pick one of the session dates from ${writeDate(subscription.startsOn, o.locale)} on.`,
      { fields: [{ field: 'body.date', message: 'not a session date of this enrollment' }] },
    );
  }
  // Ending on the first date means the client never attends: the enrollment is cancelled.
  const ended = (await subscriptionRepository.update(
    db,
    o.organizationId,
    subscription.id,
    iso === subscription.startsOn ? { status: 'void' } : { endsOn: iso },
  ))!;
  const voided = await voidInvoicesAfterEnd(db, o.ledger, { subscriptionId: subscription.id, endsOn: voidsDueFrom(subscription, iso), sessionName: o.sessionName });
  return { ended, voidedInvoiceIds: voided.map((i) => i.id), voided };
}

/**
 * From which due date ending a subscription on `endsOn` voids its open invoices: its end, or all
 * of them when it ends on its first date (cancelled: it never attends, so an invoice due before
 * its start, such as a series' invoice due when the series began, asks for nothing either).
 */
export function voidsDueFrom(subscription: Pick<SubscriptionRow, 'startsOn'>, endsOn: string): string {
  return endsOn === subscription.startsOn ? '0001-01-01' : endsOn;
}

/**
 * Whether ending the subscription as it stands voided (or would void) this invoice once nothing is
 * paid on it: the enrollment was cancelled, or the invoice is due on or after its end.
 */
export function endVoids(subscription: Pick<SubscriptionRow, 'startsOn' | 'endsOn' | 'status'>, invoice: { dueOn: string }): boolean {
  if (subscription.status === 'void') return true;
  return subscription.endsOn !== null && invoice.dueOn >= voidsDueFrom(subscription, subscription.endsOn);
}

/**
 * The subscription's open, unpaid invoices due on or after its end become void, each with a
 * ledger entry taking back what it still asked for. Returns them as they were before.
 */
export async function voidInvoicesAfterEnd(db: Database, ledger: LedgerContext, o: { subscriptionId: string; endsOn: string; sessionName: string }) {
  const voided = await invoiceRepository.voidOpenDueOnOrAfter(db, ledger.organizationId, o.subscriptionId, o.endsOn);
  const writeOffs = await writeOffRepository.listForInvoices(db, ledger.organizationId, voided.map((i) => i.id));
  await recordInLedger(
    db,
    ledger,
    voided.map((invoice) => ({
      familyId: invoice.familyId,
      invoiceId: invoice.id,
      kind: 'void' as const,
      amount: -(invoice.total - writeOffs.filter((w) => w.invoiceId === invoice.id).reduce((sum, w) => sum + w.amount, 0)),
      description: `Invoice voided: ${o.sessionName} ends`,
    })),
  );
  return voided;
}
