import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import { invoiceRepository, type InvoiceRow } from '../../../db/repositories/invoice-repository.js';
import { organizationRepository } from '../../../db/repositories/organization-repository.js';
import { subscriptionRepository } from '../../../db/repositories/subscription-repository.js';
import { createRandom, type Random } from '../../../db/seed/deterministic.js';
import { invoiceForPeriod, issueAndDueDates, periodsStartingIn, type BilledSubscription } from '../../../domain/billing/billing-periods.js';
import { settle } from '../../../domain/billing/checkout-finish.js';
import type { PaymentMethod } from '../../../domain/billing/value-sets.js';
import { firstRealSessionDateOnOrAfter } from '../../../domain/schedule/session-dates.js';
import { createInvoice, recordSettlement } from '../billing/create-invoice.js';
import { runInvoices } from '../billing/invoice-run.js';
import { messageRepository } from '../../../db/repositories/message-repository.js';
import type { LedgerContext } from '../billing/ledger.js';
import { loadSessionSchedules } from '../sessions/session-schedule.js';

/** The demo's transfer scenario: the subscription that is paid ahead (Maya Patel in Beginners Tue). */
export interface DemoScenario {
  organizationId: string;
  subscriptionId: string;
}

/** The share of this month's invoices the demo's families have paid. */
const PAID_THIS_MONTH = 0.85;
// Card twice: most families pay by card.
const METHODS: readonly PaymentMethod[] = ['cash', 'check', 'card', 'card'];

/**
 * Bills the demo just written, in the caller's transaction, the way the school is billed
 * (DESIGN.md "Billing: the engine behind every invoice"), so every invoice has its lines and
 * the family ledger its charges and payments:
 * 1. the invoice run of each organization on each month's issue day of the last months, then
 *    today, as the daily run would have (so each invoice is issued on its day, due on the 1st);
 * 2. the scenario billed ahead through the month after its next date's month, by the engine's
 *    own periods, for the months the run has not reached yet;
 * 3. payments taken as checkout takes them: earlier months paid, this month's about 85 %
 *    paid (the same invoices every time), later months open; the scenario paid in cash
 *    through its next date's month, the month after open (README "Demo data").
 */
export async function billDemo(
  tx: Database,
  o: { today: Temporal.PlainDate; organizationIds: readonly string[]; scenario: DemoScenario | null },
): Promise<void> {
  for (const organizationId of o.organizationIds) {
    for (const day of await pastRunDays(tx, organizationId, o.today)) await runInvoices(tx, { organizationId, today: day });
  }
  const scenario = o.scenario ? { ...o.scenario, paidThrough: await billScenarioAhead(tx, o.scenario, o.today) } : null;
  for (const organizationId of o.organizationIds) {
    const { timeZone } = (await organizationRepository.findById(tx, organizationId))!;
    await takePayments(tx, { organizationId, timeZone, today: o.today, scenario });
    // The run told each family of its invoices, as it does; those emails belong to the demo's
    // made-up past, so they are kept for the family pages but never sent.
    await messageRepository.withholdAllWaiting(tx, organizationId, 'Written when the demo data was loaded; demo emails are not sent.');
  }
}

/** The issue days of the last four months' invoices that have come, then today: the days the daily run issued something. */
async function pastRunDays(tx: Database, organizationId: string, today: Temporal.PlainDate): Promise<Temporal.PlainDate[]> {
  const { invoiceIssueDaysBefore } = await organizationRepository.billingSettings(tx, organizationId);
  const days: Temporal.PlainDate[] = [];
  for (let month = today.toPlainYearMonth().subtract({ months: 4 }); Temporal.PlainYearMonth.compare(month, today.toPlainYearMonth()) <= 0; month = month.add({ months: 1 })) {
    const issueDay = month.add({ months: 1 }).toPlainDate({ day: 1 }).subtract({ days: invoiceIssueDaysBefore });
    if (Temporal.PlainDate.compare(issueDay, today) < 0) days.push(issueDay);
  }
  return [...days, today];
}

/**
 * Issues the scenario's invoices, with createInvoice, for every month from this one through
 * the month after its next session date's month that holds none yet. Returns the month it is
 * paid through: its next date's month, so a transfer from that date finds paid dates to credit.
 */
async function billScenarioAhead(tx: Database, scenario: DemoScenario, today: Temporal.PlainDate): Promise<Temporal.PlainYearMonth> {
  const organization = (await organizationRepository.findById(tx, scenario.organizationId))!;
  const settings = await organizationRepository.billingSettings(tx, organization.id);
  const row = (await subscriptionRepository.findWithSessionAndFamily(tx, organization.id, scenario.subscriptionId, { lock: false }))!;
  const schedule = (await loadSessionSchedules(tx, organization, [row.session])).get(row.session.id)!;
  const nextDate = firstRealSessionDateOnOrAfter({ ...schedule, date: today.add({ days: 1 }) }) ?? today;
  const paidThrough = nextDate.toPlainYearMonth();

  const subscription = billedSubscriptionOf(row, schedule);
  const range = { from: today.with({ day: 1 }), to: paidThrough.add({ months: 2 }).toPlainDate({ day: 1 }) };
  const billed = await invoiceRepository.billedPeriods(tx, organization.id, [scenario.subscriptionId], {
    from: range.from.toString(),
    to: range.to.toString(),
  });
  const ledger: LedgerContext = { organizationId: organization.id, actorUserId: null, today };
  for (const period of periodsStartingIn({ subscription, ...range })) {
    if (billed.has(`${scenario.subscriptionId}:${period.start.toString()}`)) continue;
    const invoice = invoiceForPeriod({ subscription, period, locale: organization.locale });
    if (!invoice) continue;
    const { dueOn } = issueAndDueDates({ period, issueDaysBefore: settings.invoiceIssueDaysBefore, dueDayOfMonth: settings.invoiceDueDay });
    await createInvoice(tx, ledger, {
      familyId: row.familyId,
      subscriptionId: scenario.subscriptionId,
      period,
      // Issued today, as the run issues what it catches up.
      issuedOn: today.toString(),
      dueOn: dueOn.toString(),
      lines: invoice.lines,
      discounts: [],
      money: { currency: organization.currency, locale: organization.locale },
    });
  }
  return paidThrough;
}

function billedSubscriptionOf(
  row: { session: { name: string }; subscription: { paymentPlan: BilledSubscription['paymentPlan']; priceSnapshot: number; startsOn: string; endsOn: string | null } },
  schedule: BilledSubscription['schedule'],
): BilledSubscription {
  return {
    sessionName: row.session.name,
    schedule,
    paymentPlan: row.subscription.paymentPlan,
    price: row.subscription.priceSnapshot,
    startsOn: Temporal.PlainDate.from(row.subscription.startsOn),
    endsOn: row.subscription.endsOn ? Temporal.PlainDate.from(row.subscription.endsOn) : null,
  };
}

/** Pays the organization's open invoices the demo has paid, each in full, through recordSettlement (payment, status, ledger). */
async function takePayments(
  tx: Database,
  o: { organizationId: string; timeZone: string; today: Temporal.PlainDate; scenario: (DemoScenario & { paidThrough: Temporal.PlainYearMonth }) | null },
): Promise<void> {
  const { items } = await invoiceRepository.list(tx, o.organizationId, { limit: 100_000, offset: 0 });
  // In a fixed order, so the ledger's entries come in the same order on every seed.
  const open = items
    .filter((invoice) => invoice.status === 'open' && invoice.periodStart !== null)
    .sort((a, b) => `${a.subscriptionId}:${a.periodStart}`.localeCompare(`${b.subscriptionId}:${b.periodStart}`));
  for (const invoice of open) {
    // Paid on its due date (or today, when that is still to come): the statement reads in order.
    const paidOn = Temporal.PlainDate.compare(Temporal.PlainDate.from(invoice.dueOn), o.today) < 0 ? Temporal.PlainDate.from(invoice.dueOn) : o.today;
    const ledger: LedgerContext = { organizationId: o.organizationId, actorUserId: null, today: paidOn };
    // One stream per invoice: whether and how it is paid does not depend on any other invoice.
    const random = createRandom(`demo:payment:${invoice.subscriptionId}:${invoice.periodStart}`);
    const isScenario = invoice.subscriptionId === o.scenario?.subscriptionId;
    if (!isPaid({ invoice, today: o.today, random, paidThrough: isScenario ? o.scenario!.paidThrough : null })) continue;
    const method = isScenario ? 'cash' : random.pick(METHODS);
    const settlement = settle({ total: invoice.total, finish: { kind: 'pay_now', amount: invoice.total, method } });
    // Received at the desk on that day, in the organization's zone (not when the seed ran).
    const receivedAt = new Date(paidOn.toZonedDateTime({ timeZone: o.timeZone, plainTime: Temporal.PlainTime.from({ hour: random.int(9, 18) }) }).epochMilliseconds);
    await recordSettlement(tx, ledger, { invoice, settlement, payment: { method, reference: referenceFor(method, random), receivedAt } });
  }
}

/** By the month billed: earlier months paid, this month's mostly, later ones open; the scenario's through `paidThrough`. */
function isPaid(o: { invoice: InvoiceRow; today: Temporal.PlainDate; random: Random; paidThrough: Temporal.PlainYearMonth | null }): boolean {
  const billed = Temporal.PlainDate.from(o.invoice.periodStart!).toPlainYearMonth();
  if (o.paidThrough) return Temporal.PlainYearMonth.compare(billed, o.paidThrough) <= 0;
  const order = Temporal.PlainYearMonth.compare(billed, o.today.toPlainYearMonth());
  return order < 0 || (order === 0 && o.random.chance(PAID_THIS_MONTH));
}

function referenceFor(method: PaymentMethod, random: Random): string | null {
  if (method === 'check') return `no. ${random.int(1001, 1999)}`;
  if (method === 'card') return `ending ${random.int(1000, 9999)}`;
  return null;
}
