import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import { invoiceRepository } from '../../../db/repositories/invoice-repository.js';
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
  const voidedInvoiceIds = await invoiceRepository.voidOpenDueOnOrAfter(db, o.organizationId, subscription.id, iso);
  return { ended, voidedInvoiceIds };
}
