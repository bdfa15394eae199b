import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import { attendanceRepository } from '../../../db/repositories/attendance-repository.js';
import { instructorRepository } from '../../../db/repositories/instructor-repository.js';
import { invoiceRepository } from '../../../db/repositories/invoice-repository.js';
import { sessionRepository, type SessionRow } from '../../../db/repositories/session-repository.js';
import { subscriptionRepository, type SubscriptionRow } from '../../../db/repositories/subscription-repository.js';
import { transferRepository } from '../../../db/repositories/transfer-repository.js';
import { applyDiscounts } from '../../../domain/billing/discounts.js';
import type { PaidPeriod } from '../../../domain/billing/transfer-credit.js';
import { AppError } from '../../../domain/errors.js';
import type { SessionSchedule } from '../../../domain/schedule/session-dates.js';
import { quoteCheckout, type CheckoutQuote, type VoidableInvoice } from '../../../domain/transfers/checkout-quote.js';
import { writeOffRepository } from '../../../db/repositories/invoice-adjustment-repository.js';
import { planTransfer, type TransferPlan } from '../../../domain/transfers/plan-transfer.js';
import type { OrganizationContext } from '../../../domain/access/actor.js';
import type { PreviewTransferInput, TransferPreviewDto } from '../../../contracts/transfers.js';
import { periodOf } from '../schedule/session-dates-with-enrollment.js';
import { loadSessionSchedules } from '../sessions/session-schedule.js';
import { voidsDueFrom } from '../enrollment/end-subscription.js';

export interface PlannedTransfer {
  subscription: SubscriptionRow;
  clientFamilyId: string;
  fromSession: SessionRow;
  fromSchedule: SessionSchedule;
  target: SessionRow;
  targetSchedule: SessionSchedule;
  plan: TransferPlan;
  quote: CheckoutQuote;
  today: Temporal.PlainDate;
}

const notFound = (field: string, noun: string) =>
  new AppError('NOT_FOUND', `No ${noun} has this id in your organization.`, { fields: [{ field: `body.${field}`, message: `no ${noun} has this id` }] });

/**
 * What the old subscription's paid invoices paid for, per invoiced period, for the periods
 * that end after the new end: a period that ends on or before it has no date left to credit
 * (unusedPaidSessions skips it), so a long-standing subscription's years of paid months are
 * not read. One query: each invoice's first start and last end of its lines, and its payments.
 */
async function paidPeriodsOf(db: Database, organizationId: string, subscriptionId: string, newEndsOn: Temporal.PlainDate): Promise<PaidPeriod[]> {
  const invoices = await invoiceRepository.paidPeriodsEndingAfter(db, organizationId, subscriptionId, newEndsOn.toString());
  return invoices.flatMap((invoice) => {
    if (invoice.periodStart === null || invoice.periodEnd === null || invoice.paid === 0) return [];
    return [
      {
        invoiceId: invoice.invoiceId,
        periodStart: Temporal.PlainDate.from(invoice.periodStart),
        periodEnd: Temporal.PlainDate.from(invoice.periodEnd),
        amountPaid: Math.min(invoice.paid, invoice.total),
      },
    ];
  });
}

/** The old enrollment's invoices ending it on `endsOn` voids, with what each still asks for (its total less write-offs). */
async function voidableBy(db: Database, organizationId: string, subscription: SubscriptionRow, endsOn: Temporal.PlainDate): Promise<VoidableInvoice[]> {
  const dueFrom = voidsDueFrom(subscription, endsOn.toString());
  const invoices = await invoiceRepository.listVoidableDueOnOrAfter(db, organizationId, subscription.id, dueFrom, { lock: false });
  const writeOffs = await writeOffRepository.listForInvoices(db, organizationId, invoices.map((i) => i.id));
  return invoices.flatMap((invoice) =>
    invoice.periodStart
      ? [
          {
            invoiceId: invoice.id,
            periodStart: Temporal.PlainDate.from(invoice.periodStart),
            periodEnd: invoice.periodEnd ? Temporal.PlainDate.from(invoice.periodEnd) : null,
            total: invoice.total - writeOffs.filter((w) => w.invoiceId === invoice.id).reduce((sum, w) => sum + w.amount, 0),
          },
        ]
      : [],
  );
}

/**
 * Loads what a transfer decision needs and lets the domain decide it. With `lock`, the
 * old subscription and then the target session are locked (always in that order) so
 * concurrent transfers into one session queue on its row and capacity holds.
 */
export async function planTransferFromDatabase(
  db: Database,
  organization: OrganizationContext,
  input: PreviewTransferInput,
  o: { lock: boolean },
): Promise<PlannedTransfer> {
  const { subscription, fromSession, clientFamilyId, target } = await loadCurrentAndTarget(db, organization, input, o);
  const facts = await loadEnrollmentFacts(db, organization, { subscription, fromSession, target, input });
  const today = organization.today;
  const date = (value: string | null | undefined) => (value ? Temporal.PlainDate.from(value) : null);
  const plan = planTransfer({
    clientId: subscription.clientId,
    current: {
      subscriptionId: subscription.id,
      session: facts.fromPlanned,
      period: periodOf(subscription),
      status: subscription.status,
      attendedDates: facts.attendedDates,
      endedByTransfer: facts.endedByTransfer,
    },
    transferDate: Temporal.PlainDate.from(input.transferDate),
    target: facts.targetPlanned,
    targetEnrollments: facts.targetEnrollments,
    otherEnrollments: facts.otherEnrollments,
    firstSessionDate: date(input.firstSessionDate),
    oldEndsOn: date(input.oldEndsOn),
    capacityOverride: input.capacityOverride,
    today,
    locale: organization.locale,
  });
  const quote = quoteCheckout({
    plan,
    from: { ...facts.fromPlanned, paymentPlan: subscription.paymentPlan, price: subscription.priceSnapshot },
    to: { ...facts.targetPlanned, paymentPlan: target.paymentPlan, price: target.price },
    paidPeriods: await paidPeriodsOf(db, organization.id, subscription.id, plan.oldEndsOn),
    voidable: await voidableBy(db, organization.id, subscription, plan.oldEndsOn),
    currency: organization.currency,
    locale: organization.locale,
    today,
  });
  return {
    subscription,
    clientFamilyId,
    fromSession,
    fromSchedule: facts.fromPlanned.schedule,
    target,
    targetSchedule: facts.targetPlanned.schedule,
    plan,
    quote,
    today,
  };
}

/** The subscription (locked first) with its session and its client's family, then the target session. */
async function loadCurrentAndTarget(db: Database, organization: OrganizationContext, input: PreviewTransferInput, o: { lock: boolean }) {
  const current = await subscriptionRepository.findWithSessionAndFamily(db, organization.id, input.subscriptionId, { lock: o.lock });
  if (!current) throw notFound('subscriptionId', 'enrollment');
  const findSession = o.lock ? sessionRepository.findByIdForUpdate : sessionRepository.findById;
  const target = await findSession(db, organization.id, input.targetSessionId);
  if (!target) throw notFound('targetSessionId', 'session');
  return { subscription: current.subscription, fromSession: current.session, clientFamilyId: current.familyId, target };
}

/**
 * What the decision weighs besides the two sessions: who is in the target, the client's
 * other enrollments (for clashes), the attendance recorded on the current enrollment and the
 * transfer that may already have ended it. One query at a time: inside a transaction they
 * share one connection anyway.
 */
async function loadEnrollmentFacts(
  db: Database,
  organization: OrganizationContext,
  o: { subscription: SubscriptionRow; fromSession: SessionRow; target: SessionRow; input: PreviewTransferInput },
) {
  const { subscription, fromSession, target, input } = o;
  // The target's enrollments that can matter: those still running on the first session date
  // (the domain defaults it to a date on or after the transfer date). Ended ones cover none of
  // the dates checked for capacity, overlap nothing from that date on, and end before the
  // horizon they bound, so a session's years of former clients are not read.
  const earliestFirstDate =
    input.firstSessionDate && input.firstSessionDate < input.transferDate ? input.firstSessionDate : input.transferDate;
  const targetEnrollments = await subscriptionRepository.activeForSessions(db, organization.id, [target.id], { from: earliestFirstDate, to: null });
  const others = (await subscriptionRepository.listForClient(db, organization.id, subscription.clientId)).filter(
    (s) => s.id !== subscription.id && s.status === 'active',
  );
  const otherSessions = [];
  for (const id of new Set(others.map((s) => s.sessionId))) otherSessions.push(await sessionRepository.findById(db, organization.id, id));
  const sessions = [fromSession, target, ...otherSessions.filter((s): s is SessionRow => s !== undefined)];
  const schedules = await loadSessionSchedules(db, organization, sessions);
  const instructorNames = await instructorRepository.namesByIds(db, organization.id, [fromSession.instructorId, target.instructorId]);
  const planned = (session: SessionRow) => ({
    id: session.id,
    name: session.name,
    schedule: schedules.get(session.id)!,
    capacity: session.capacity,
    instructorName: instructorNames.get(session.instructorId) ?? '',
  });
  const sessionName = new Map(sessions.map((s) => [s.id, s.name]));
  const endedBy = await transferRepository.findCompletedFrom(db, organization.id, subscription.id);
  return {
    fromPlanned: planned(fromSession),
    targetPlanned: planned(target),
    targetEnrollments: targetEnrollments.map((s) => ({ clientId: s.clientId, period: periodOf(s) })),
    otherEnrollments: others.map((s) => ({
      sessionId: s.sessionId,
      sessionName: sessionName.get(s.sessionId) ?? '',
      schedule: schedules.get(s.sessionId)!,
      period: periodOf(s),
    })),
    attendedDates: (await attendanceRepository.datesRecordedFor(db, organization.id, subscription.id)).map((d) => Temporal.PlainDate.from(d)),
    endedByTransfer: endedBy ? { transferDate: Temporal.PlainDate.from(endedBy.transferDate) } : null,
  };
}

/** The preview a person checks before pressing a finish button: nothing is written. */
export function toPreviewDto(organization: OrganizationContext, planned: PlannedTransfer, input: PreviewTransferInput): TransferPreviewDto {
  const { plan, quote, subscription, target } = planned;
  const { discountTotal, total, amounts } = applyDiscounts({
    subtotal: quote.invoice.subtotal,
    discounts: input.discounts,
    money: { currency: organization.currency, locale: organization.locale },
  });
  return {
    plan: {
      subscriptionId: subscription.id,
      clientId: subscription.clientId,
      targetSessionId: target.id,
      transferDate: plan.transferDate.toString(),
      oldEndsOn: plan.oldEndsOn.toString(),
      firstSessionDate: plan.firstSessionDate.toString(),
      capacityOverridden: plan.capacityOverridden,
    },
    warnings: plan.warnings,
    quote: {
      invoice: { lines: quote.invoice.lines, subtotal: quote.invoice.subtotal, dueOn: quote.invoice.dueOn },
      changes: quote.changes,
      unusedPaidSessions: quote.unusedPaidSessions,
      billingHorizon: quote.billingHorizon,
      suggestedCredit: quote.suggestedCredit,
    },
    invoice: {
      subtotal: quote.invoice.subtotal,
      discounts: input.discounts.map((d, i) => ({
        kind: d.kind,
        basisPoints: d.kind === 'percent' ? d.basisPoints : null,
        amount: amounts[i]!,
        reason: d.reason,
      })),
      discountTotal,
      total,
      dueOn: quote.invoice.dueOn,
    },
    currency: organization.currency,
  };
}
