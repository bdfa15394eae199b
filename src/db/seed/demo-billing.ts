import type { PaymentMethod } from '../../domain/billing/value-sets.js';
import { Temporal } from 'temporal-polyfill';
import { divideRounded } from '../../domain/billing/money.js';
import { firstRealSessionDateOnOrAfter, realSessionDates, type SessionSchedule } from '../../domain/schedule/session-dates.js';
import { coveredDates } from '../../domain/subscriptions/coverage.js';
import type { subscriptions } from '../schema/index.js';
import { monthName } from './demo-names.js';
import type { DemoPlan, Planned } from './demo-plan-types.js';
import { deterministicId, type Random } from './deterministic.js';

type PlannedSubscription = Planned<typeof subscriptions>;

// Card twice: most families pay by card.
const METHODS: readonly PaymentMethod[] = ['cash', 'check', 'card', 'card'];

/**
 * The current month's invoice for every monthly subscription that has a date in it (most
 * paid, a few open); the scenario's invoices are paid through its next date's month. A subscription that began
 * before the month pays the whole monthly price; one that began after the month's first date
 * is prorated by its real remaining dates, as the design's monthly plan does.
 */
export function planInvoices(o: {
  plan: DemoPlan;
  organizationId: string;
  timeZone: string;
  today: Temporal.PlainDate;
  random: Random;
  sessionsById: ReadonlyMap<string, { name: string; schedule: SessionSchedule }>;
  /** The scenario's subscription: paid in cash through its next date's month, the month after open. */
  scenarioSubscriptionId: string;
}): void {
  const { plan, organizationId, timeZone, today, random } = o;
  const familyOf = new Map(plan.clients.map((client) => [client.id, client.familyId]));
  const month = today.toPlainYearMonth();

  const addInvoice = (subscription: PlannedSubscription, billed: Temporal.PlainYearMonth, paid: boolean) => {
    const session = o.sessionsById.get(subscription.sessionId)!;
    const monthStart = billed.toPlainDate({ day: 1 });
    const nextMonthStart = monthStart.add({ months: 1 });
    const startsOn = Temporal.PlainDate.from(subscription.startsOn);
    const period = { startsOn, endsOn: subscription.endsOn ? Temporal.PlainDate.from(subscription.endsOn) : null };
    const monthDates = realSessionDates({ ...session.schedule, from: monthStart, to: nextMonthStart });
    const attended = coveredDates({ period, dates: monthDates });
    if (attended.length === 0) return;

    // A first invoice is due at enrollment; only a month joined after its first date is prorated.
    const joinedInMonth = Temporal.PlainDate.compare(startsOn, monthStart) > 0;
    const prorated = joinedInMonth && attended.length < monthDates.length;
    const [numerator, denominator] = prorated ? [attended.length, monthDates.length] : [1, 1];
    const price = subscription.priceSnapshot;
    const amount = divideRounded({ amount: price, numerator, denominator });
    const dueOn = joinedInMonth ? startsOn : monthStart;
    const issuedOn = min(today, joinedInMonth ? startsOn : monthStart.subtract({ days: 7 }));
    const invoiceId = deterministicId(`demo:riverside:invoice:${subscription.id}:${billed.toString()}`);
    const familyId = familyOf.get(subscription.clientId)!;
    const label = `${session.name} — ${monthName(billed.month)} ${billed.year}`;

    plan.invoices.push({
      organizationId,
      id: invoiceId,
      familyId,
      subscriptionId: subscription.id,
      status: paid ? 'paid' : 'open',
      issuedOn: issuedOn.toString(),
      dueOn: dueOn.toString(),
      subtotal: amount,
      discountTotal: 0,
      total: amount,
    });
    plan.invoiceLines.push({
      organizationId,
      id: deterministicId(`demo:riverside:invoice-line:${invoiceId}`),
      invoiceId,
      subscriptionId: subscription.id,
      description: prorated ? `${label} (${numerator} of ${denominator} dates)` : label,
      periodStart: monthStart.toString(),
      periodEnd: nextMonthStart.toString(),
      quantityNumerator: numerator,
      quantityDenominator: denominator,
      unitAmount: price,
      amount,
    });
    if (!paid) return;

    const isScenario = subscription.id === o.scenarioSubscriptionId;
    const method = isScenario ? 'cash' : random.pick(METHODS);
    // Paid around the due date, never in the future.
    const paidOn = min(today, dueOn.add({ days: isScenario ? 0 : random.int(0, 4) }));
    const paidAt = paidOn.toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from({ hour: random.int(9, 18) }) });
    plan.payments.push({
      organizationId,
      id: deterministicId(`demo:riverside:payment:${invoiceId}`),
      invoiceId,
      familyId,
      amount,
      method,
      reference: referenceFor(method, random),
      receivedAt: new Date(paidAt.epochMilliseconds),
    });
  };

  for (const subscription of plan.subscriptions) {
    if (subscription.organizationId !== organizationId || subscription.paymentPlan !== 'monthly') continue;
    if (subscription.id !== o.scenarioSubscriptionId) {
      addInvoice(subscription, month, random.chance(0.85));
      continue;
    }
    // The scenario is paid through the month of its next date, so a transfer from that date
    // (the README's tour) always finds paid sessions to credit; the month after is open.
    const schedule = o.sessionsById.get(subscription.sessionId)!.schedule;
    const nextDate = firstRealSessionDateOnOrAfter({ ...schedule, date: today.add({ days: 1 }) }) ?? today;
    const paidThrough = nextDate.toPlainYearMonth();
    for (let billed = month; Temporal.PlainYearMonth.compare(billed, paidThrough) <= 0; billed = billed.add({ months: 1 })) {
      addInvoice(subscription, billed, true);
    }
    addInvoice(subscription, paidThrough.add({ months: 1 }), false);
  }
}

function referenceFor(method: (typeof METHODS)[number], random: Random): string | null {
  if (method === 'check') return `Check no. ${random.int(1001, 1999)}`;
  if (method === 'card') return `Card ending ${random.int(1000, 9999)}`;
  return null;
}

function min(a: Temporal.PlainDate, b: Temporal.PlainDate): Temporal.PlainDate {
  return Temporal.PlainDate.compare(a, b) <= 0 ? a : b;
}
