import { Temporal } from 'temporal-polyfill';
import { enrolledNotices } from '../notifications/notices.js';
import { tell } from '../notifications/tell.js';
import type { Database } from '../../../db/client.js';
import { auditRepository } from '../../../db/repositories/audit-repository.js';
import { clientRepository, type ClientRow } from '../../../db/repositories/client-repository.js';
import { sessionRepository, type SessionRow } from '../../../db/repositories/session-repository.js';
import { subscriptionRepository } from '../../../db/repositories/subscription-repository.js';
import type { EnrollInput, EnrollPreviewDto, EnrollPreviewInput, EnrollResultDto } from '../../../contracts/enrollment.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';
import { applyDiscounts } from '../../../domain/billing/discounts.js';
import { firstInvoice, type FirstInvoice } from '../../../domain/billing/first-invoice.js';
import { AppError } from '../../../domain/errors.js';
import { writeDate } from '../../../domain/formatting/intl-formats.js';
import { firstRealSessionDateOnOrAfter, isRealSessionDate, type SessionSchedule } from '../../../domain/schedule/session-dates.js';
import { assertMayReachBack, reachesBack } from '../../../domain/time/the-past.js';
import { checkoutInvoice } from '../billing/checkout.js';
import { assertReferencesExist } from '../catalog/resource-service.js';
import { idempotent, type IdempotentResult } from '../idempotency.js';
import { loadSessionSchedules } from '../sessions/session-schedule.js';
import { assertSeatAvailable } from './seat-check.js';
import { toSubscriptionDto } from './subscription-dto.js';

interface PlannedEnrollment {
  client: ClientRow;
  session: SessionRow;
  schedule: SessionSchedule;
  startsOn: Temporal.PlainDate;
  invoice: FirstInvoice;
  dueOn: Temporal.PlainDate;
}

/**
 * Enrollment checkout's first step, in preview and commit alike: the client and session
 * exist, the first date is one of its real dates, a manager's if it is before today, a seat
 * is free on every date; then the first invoice by plan (DESIGN.md "Enrollment bills at once").
 * With `lock`, the session's row is locked, so concurrent enrollments into it queue.
 */
async function planEnrollment(
  db: Database,
  organization: OrganizationContext,
  actor: Actor,
  input: EnrollPreviewInput,
  o: { lock: boolean },
): Promise<PlannedEnrollment> {
  await assertReferencesExist(db, organization.id, input, [
    { field: 'clientId', noun: 'client', repository: clientRepository },
    { field: 'sessionId', noun: 'session', repository: sessionRepository },
  ]);
  const find = o.lock ? sessionRepository.findByIdForUpdate : sessionRepository.findById;
  const session = (await find(db, organization.id, input.sessionId))!;
  const client = (await clientRepository.findById(db, organization.id, input.clientId))!;
  const schedule = (await loadSessionSchedules(db, organization, [session])).get(session.id)!;
  const startsOn = Temporal.PlainDate.from(input.startsOn);
  assertSessionDate({ session, schedule, startsOn, locale: organization.locale });
  const reached = reachesBack({ dates: [{ date: startsOn, field: 'body.startsOn' }], today: organization.today });
  assertMayReachBack({ actor, reached, today: organization.today, locale: organization.locale, change: 'Enrolling from this date' });
  await assertSeatAvailable(db, {
    organizationId: organization.id,
    locale: organization.locale,
    session,
    schedule,
    clientId: input.clientId,
    period: { startsOn, endsOn: null },
  });
  const invoice = firstInvoice({ sessionName: session.name, schedule, paymentPlan: session.paymentPlan, price: session.price, firstSessionDate: startsOn, locale: organization.locale });
  const dueOn = Temporal.PlainDate.compare(organization.today, startsOn) >= 0 ? organization.today : startsOn;
  return { client, session, schedule, startsOn, invoice, dueOn };
}

function assertSessionDate(o: { session: SessionRow; schedule: SessionSchedule; startsOn: Temporal.PlainDate; locale: string }) {
  if (isRealSessionDate({ ...o.schedule, date: o.startsOn })) return;
  const next = firstRealSessionDateOnOrAfter({ ...o.schedule, date: o.startsOn });
  throw new AppError(
    'NOT_A_SESSION_DATE',
    `${o.session.name} does not meet on ${writeDate(o.startsOn, o.locale)}` +
      (next ? `; its next date is ${writeDate(next, o.locale)}.` : '; it has no later dates.'),
    { fields: [{ field: 'body.startsOn', message: `not a session date of ${o.session.name}` }], suggestedDate: next?.toString() ?? null },
  );
}

/** The first invoice an enrollment would issue, with the chosen discounts; nothing is saved. */
export async function previewEnrollment(
  db: Database,
  organization: OrganizationContext,
  actor: Actor,
  input: EnrollPreviewInput,
): Promise<EnrollPreviewDto> {
  const { invoice, dueOn } = await planEnrollment(db, organization, actor, input, { lock: false });
  const money = { currency: organization.currency, locale: organization.locale };
  const { discountTotal, total, amounts } = applyDiscounts({ subtotal: invoice.subtotal, discounts: input.discounts, money });
  return {
    invoice: {
      lines: invoice.lines,
      subtotal: invoice.subtotal,
      discounts: input.discounts.map((d, i) => ({ kind: d.kind, basisPoints: d.kind === 'percent' ? d.basisPoints : null, amount: amounts[i]!, reason: d.reason })),
      discountTotal,
      total,
      dueOn: dueOn.toString(),
    },
    currency: organization.currency,
  };
}

/**
 * Enrolls a client from a first session date and checks out its first invoice, in one
 * transaction: the subscription, the invoice with its discounts, the finish (pay now, pay
 * later, close now), the ledger and the audit. The Idempotency-Key makes a retry return the
 * first result.
 */
export async function enrollClient(
  db: Database,
  organization: OrganizationContext,
  actor: Actor,
  input: EnrollInput,
  idempotencyKey: string,
): Promise<IdempotentResult<EnrollResultDto>> {
  return db.transaction((tx) =>
    idempotent(
      tx,
      { organizationId: organization.id, actorUserId: actor.userId, key: idempotencyKey, operation: 'enroll', request: input, status: 201 },
      async () => {
        const planned = await planEnrollment(tx, organization, actor, input, { lock: true });
        const subscription = await subscriptionRepository.insert(tx, organization.id, {
          clientId: input.clientId,
          sessionId: planned.session.id,
          startsOn: input.startsOn,
          endsOn: null,
          paymentPlan: planned.session.paymentPlan,
          priceSnapshot: planned.session.price,
        });
        const invoice = await checkoutInvoice(tx, {
          organizationId: organization.id,
          actor,
          familyId: planned.client.familyId,
          subscriptionId: subscription.id,
          issuedOn: organization.today,
          dueOn: planned.dueOn.toString(),
          period: planned.invoice.period,
          lines: planned.invoice.lines,
          discounts: input.discounts,
          finish: input.finish,
          money: { currency: organization.currency, locale: organization.locale },
        });
        const result = { subscription: toSubscriptionDto(subscription), invoice };
        await auditRepository.record(tx, {
          organizationId: organization.id,
          actor,
          action: 'subscription.enrolled',
          entityType: 'subscription',
          entityId: subscription.id,
          clientId: subscription.clientId,
          after: result,
        });
        await tell(tx, organization, await enrolledNotices(tx, organization, { subscriptionId: subscription.id, firstDate: Temporal.PlainDate.from(input.startsOn), invoice }));
        return result;
      },
    ),
  );
}
