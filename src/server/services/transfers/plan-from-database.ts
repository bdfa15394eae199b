import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import { clientRepository } from '../../../db/repositories/client-repository.js';
import { instructorRepository } from '../../../db/repositories/instructor-repository.js';
import { invoiceLineRepository, invoiceRepository } from '../../../db/repositories/invoice-repository.js';
import { paymentRepository } from '../../../db/repositories/payment-repository.js';
import { sessionRepository, type SessionRow } from '../../../db/repositories/session-repository.js';
import { subscriptionRepository, type SubscriptionRow } from '../../../db/repositories/subscription-repository.js';
import { applyDiscounts } from '../../../domain/billing/discounts.js';
import type { PaidPeriod } from '../../../domain/billing/transfer-credit.js';
import { AppError } from '../../../domain/errors.js';
import type { SessionSchedule } from '../../../domain/schedule/session-dates.js';
import { quoteCheckout, type CheckoutQuote } from '../../../domain/transfers/checkout-quote.js';
import { planTransfer, type TransferPlan } from '../../../domain/transfers/plan-transfer.js';
import type { OrganizationContext } from '../../http/organization-scope.js';
import type { PreviewTransferInput, TransferPreviewDto } from '../../routes/transfers/transfers.types.js';
import { periodOf } from '../schedule/session-dates-with-enrollment.js';
import { loadSessionSchedules, todayIn } from '../sessions/session-schedule.js';

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
  new AppError('NOT_FOUND', `${field}: no ${noun} has this id in your organization.`, { field });

/** What the old subscription's paid invoices paid for, per invoiced period. */
async function paidPeriodsOf(db: Database, organizationId: string, subscriptionId: string): Promise<PaidPeriod[]> {
  const invoices = (await invoiceRepository.listForSubscriptions(db, organizationId, [subscriptionId])).filter(
    (i) => i.status !== 'void',
  );
  const ids = invoices.map((i) => i.id);
  const lines = await invoiceLineRepository.listForInvoices(db, organizationId, ids);
  const payments = await paymentRepository.listForInvoices(db, organizationId, ids);
  return invoices.flatMap((invoice) => {
    const periods = lines.filter((l) => l.invoiceId === invoice.id && l.periodStart && l.periodEnd);
    const paid = payments.filter((p) => p.invoiceId === invoice.id).reduce((sum, p) => sum + p.amount, 0);
    if (periods.length === 0 || paid === 0) return [];
    const starts = periods.map((l) => l.periodStart!).sort();
    const ends = periods.map((l) => l.periodEnd!).sort();
    return [
      {
        invoiceId: invoice.id,
        periodStart: Temporal.PlainDate.from(starts[0]!),
        periodEnd: Temporal.PlainDate.from(ends[ends.length - 1]!),
        amountPaid: Math.min(paid, invoice.total),
      },
    ];
  });
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
  const findSubscription = o.lock ? subscriptionRepository.findByIdForUpdate : subscriptionRepository.findById;
  const subscription = await findSubscription(db, organization.id, input.subscriptionId);
  if (!subscription) throw notFound('subscriptionId', 'enrollment (subscription)');
  const findSession = o.lock ? sessionRepository.findByIdForUpdate : sessionRepository.findById;
  const target = await findSession(db, organization.id, input.targetSessionId);
  if (!target) throw notFound('targetSessionId', 'session');
  const fromSession = (await sessionRepository.findById(db, organization.id, subscription.sessionId))!;
  const client = (await clientRepository.findById(db, organization.id, subscription.clientId))!;

  // One query at a time: inside a transaction they share one connection anyway.
  const targetEnrollments = await subscriptionRepository.activeForSessions(db, organization.id, [target.id], { from: '1900-01-01', to: null });
  const clientSubscriptions = await subscriptionRepository.listForClient(db, organization.id, subscription.clientId);
  const fromInstructor = (await instructorRepository.findById(db, organization.id, fromSession.instructorId))?.name ?? '';
  const targetInstructor = (await instructorRepository.findById(db, organization.id, target.instructorId))?.name ?? '';
  const paidPeriods = await paidPeriodsOf(db, organization.id, subscription.id);
  const others = clientSubscriptions.filter((s) => s.id !== subscription.id && s.status === 'active');
  const otherSessions = [];
  for (const id of new Set(others.map((s) => s.sessionId))) otherSessions.push(await sessionRepository.findById(db, organization.id, id));
  const sessions = [fromSession, target, ...otherSessions.filter((s): s is SessionRow => s !== undefined)];
  const schedules = await loadSessionSchedules(db, organization, sessions);
  const sessionName = new Map(sessions.map((s) => [s.id, s.name]));
  const fromSchedule = schedules.get(fromSession.id)!;
  const targetSchedule = schedules.get(target.id)!;
  const today = todayIn(organization.timeZone);
  const date = (value: string | null | undefined) => (value ? Temporal.PlainDate.from(value) : null);

  const plan = planTransfer({
    clientId: subscription.clientId,
    current: {
      subscriptionId: subscription.id,
      session: { id: fromSession.id, name: fromSession.name, schedule: fromSchedule, capacity: fromSession.capacity, instructorName: fromInstructor },
      period: periodOf(subscription),
      status: subscription.status,
    },
    transferDate: Temporal.PlainDate.from(input.transferDate),
    target: { id: target.id, name: target.name, schedule: targetSchedule, capacity: target.capacity, instructorName: targetInstructor },
    targetEnrollments: targetEnrollments.map((s) => ({ clientId: s.clientId, period: periodOf(s) })),
    otherEnrollments: others.map((s) => ({
      sessionId: s.sessionId,
      sessionName: sessionName.get(s.sessionId) ?? '',
      schedule: schedules.get(s.sessionId)!,
      period: periodOf(s),
    })),
    firstSessionDate: date(input.firstSessionDate),
    oldEndsOn: date(input.oldEndsOn),
    capacityOverride: input.capacityOverride,
    today,
  });
  const quote = quoteCheckout({
    plan,
    from: { name: fromSession.name, schedule: fromSchedule, paymentPlan: subscription.paymentPlan, price: subscription.priceSnapshot, instructorName: fromInstructor },
    to: { name: target.name, schedule: targetSchedule, paymentPlan: target.paymentPlan, price: target.price, instructorName: targetInstructor },
    paidPeriods,
    currency: organization.currency,
    locale: organization.locale,
    today,
  });
  return { subscription, clientFamilyId: client.familyId, fromSession, fromSchedule, target, targetSchedule, plan, quote, today };
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
    quote,
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
