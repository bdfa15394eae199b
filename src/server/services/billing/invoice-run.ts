import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import { accountCreditRepository } from '../../../db/repositories/account-credit-repository.js';
import { familyRepository } from '../../../db/repositories/family-repository.js';
import { invoiceRepository, type InvoiceRow } from '../../../db/repositories/invoice-repository.js';
import { invoiceRunRepository, type RunBatchRows } from '../../../db/repositories/invoice-run-repository.js';
import { organizationRepository } from '../../../db/repositories/organization-repository.js';
import { subscriptionRepository, type BillablePosition } from '../../../db/repositories/subscription-repository.js';
import type { InvoiceRunDto } from '../../../contracts/billing.js';
import {
  invoiceForPeriod,
  issueAndDueDates,
  monthsStartingIn,
  periodsStartingIn,
  type BilledSubscription,
  type BillingPeriod,
  type PeriodInvoice,
} from '../../../domain/billing/billing-periods.js';
import type { MoneyDisplay } from '../../../domain/billing/value-sets.js';
import { todayIn } from '../../../domain/time/today.js';
import { loadSessionSchedules } from '../sessions/session-schedule.js';
import { applyCreditTo } from './account-credit.js';
import { ledgerEntryOf, type LedgerContext } from './ledger.js';
import { invoicesIssuedNotices } from '../notifications/notices.js';
import { outboxRows } from '../notifications/tell.js';
import type { OrganizationContext } from '../../../domain/access/actor.js';

/**
 * How far back the run looks for periods whose issue day came while nothing ran: three
 * months of downtime are caught up; older periods are history, not the run's to bill.
 */
export const CATCH_UP_DAYS = 93;
/** Subscriptions billed per transaction: a batch's invoices, lines and ledger entries commit together. */
export const RUN_BATCH_SIZE = 250;

type Batch = Awaited<ReturnType<typeof subscriptionRepository.billableBatch>>;

interface RunContext {
  organizationId: string;
  /** The organization as messages name it and write its dates and money. */
  organization: OrganizationContext;
  today: Temporal.PlainDate;
  money: MoneyDisplay;
  timeZone: string;
  settings: Awaited<ReturnType<typeof organizationRepository.billingSettings>>;
  /** The kinds of message the organization turned off: its invoice emails are written as withheld then. */
  mutedMessageKinds: readonly string[];
  /** Periods starting in [from, to) are the run's: from the catch-up horizon to the last issue day reached. */
  window: { from: Temporal.PlainDate; to: Temporal.PlainDate };
  /** The window's months whose issue day has come: the periods of every subscription billed by the month or visit. */
  dueMonths: readonly DuePeriod[];
}

/** A period whose issue day has come, with its issue and due days. */
interface DuePeriod {
  period: BillingPeriod;
  start: string;
  issueOn: Temporal.PlainDate;
  dueOn: Temporal.PlainDate;
}

/**
 * The invoice run of one organization (DESIGN.md "The invoice run"): every active
 * subscription's invoice for every period whose issue day has come (days before the period
 * as the organization sets), not yet billed. Idempotent: the unique index over live
 * invoices lets no period be billed twice, however often or on however many servers it runs;
 * after downtime it catches up. Bounded batches, one transaction each.
 */
export async function runInvoices(
  db: Database,
  o: {
    organizationId: string;
    today?: Temporal.PlainDate;
    batchSize?: number;
    /** Stops the run between batches (server shutting down): what is committed stays, the next run does the rest. */
    signal?: AbortSignal;
  },
): Promise<InvoiceRunDto> {
  const context = await runContext(db, o);
  // Recorded as it starts: a run that never finishes (its server died) stays without a finish,
  // so the daily job knows the day's run is still to do.
  const record = await invoiceRunRepository.insert(db, context.organizationId, { runOn: context.today.toString(), issued: 0, finishedAt: null });
  let issued = 0;
  let creditApplied = 0;
  let after: BillablePosition | null = null;
  for (;;) {
    if (o.signal?.aborted) return { organizationId: context.organizationId, runOn: context.today.toString(), issued, creditApplied };
    const result: { count: number; last: BillablePosition | null; issued: number; creditApplied: number } = await db.transaction((tx) =>
      billBatch(tx, context, { after, limit: o.batchSize ?? RUN_BATCH_SIZE }),
    );
    issued += result.issued;
    creditApplied += result.creditApplied;
    if (result.count < (o.batchSize ?? RUN_BATCH_SIZE)) break;
    after = result.last;
  }
  await invoiceRunRepository.update(db, context.organizationId, record.id, { issued, finishedAt: new Date() });
  return { organizationId: context.organizationId, runOn: context.today.toString(), issued, creditApplied };
}

async function runContext(db: Database, o: { organizationId: string; today?: Temporal.PlainDate }): Promise<RunContext> {
  const organization = await organizationRepository.findById(db, o.organizationId);
  if (!organization) throw new Error(`No organization ${o.organizationId}`);
  const settings = await organizationRepository.billingSettings(db, o.organizationId);
  const { mutedMessageKinds } = await organizationRepository.messageSettings(db, o.organizationId);
  const today = o.today ?? todayIn(organization.timeZone);
  // A period is due to be issued once today reaches its issue day: start − days before.
  const window = { from: today.subtract({ days: CATCH_UP_DAYS }), to: today.add({ days: settings.invoiceIssueDaysBefore + 1 }) };
  return {
    organizationId: organization.id,
    organization: { id: organization.id, name: organization.name, timeZone: organization.timeZone, currency: organization.currency, locale: organization.locale, today },
    today,
    money: { currency: organization.currency, locale: organization.locale },
    timeZone: organization.timeZone,
    settings,
    mutedMessageKinds,
    window,
    dueMonths: duePeriods({ today, settings }, monthsStartingIn(window)),
  };
}

/** The periods whose issue day has come, by the organization's issue and due days. */
function duePeriods(context: Pick<RunContext, 'today' | 'settings'>, periods: readonly BillingPeriod[]): DuePeriod[] {
  return periods
    .map((period) => ({
      period,
      start: period.start.toString(),
      ...issueAndDueDates({ period, issueDaysBefore: context.settings.invoiceIssueDaysBefore, dueDayOfMonth: context.settings.invoiceDueDay }),
    }))
    .filter((due) => Temporal.PlainDate.compare(due.issueOn, context.today) <= 0);
}

/**
 * One batch: the periods to bill; their invoices, lines, ledger charges and the families' emails
 * in one statement; account credit applied when the organization says so. Seven round trips
 * with BEGIN and COMMIT (eight with credit to apply: per family), whatever the batch's size.
 */
async function billBatch(tx: Database, context: RunContext, page: { after: BillablePosition | null; limit: number }) {
  // Subscriptions that run in any period starting in the window: one starting on the 5th of a
  // month whose period (its 1st) is in the window is billed for that month too.
  const running = { from: context.window.from.toString(), to: context.window.to.add({ months: 1 }).toString() };
  const batch = await subscriptionRepository.billableBatch(tx, context.organizationId, { ...page, ...running });
  if (batch.length === 0) return { count: 0, last: null, issued: 0, creditApplied: 0 };
  const bills = await periodsToBill(tx, context, batch);
  const inserted = await issue(tx, context, bills);
  const creditApplied = context.settings.applyAccountCreditAutomatically ? await applyHeldCredit(tx, context, inserted) : 0;
  return { count: batch.length, last: batch[batch.length - 1]!.position, issued: inserted.length, creditApplied };
}

interface Bill {
  subscriptionId: string;
  familyId: string;
  clientName: string;
  invoice: PeriodInvoice;
  issueOn: Temporal.PlainDate;
  dueOn: Temporal.PlainDate;
}

/** Each subscription's periods in the window whose issue day has come and that hold no live invoice yet. */
async function periodsToBill(tx: Database, context: RunContext, batch: Batch): Promise<Bill[]> {
  const range = { from: context.window.from.toString(), to: context.window.to.toString() };
  // The date changes that matter from the window on (a period the run bills starts in it; a
  // full-session series may end long after): not the years of them before.
  const schedules = await loadSessionSchedules(
    tx,
    { id: context.organizationId, timeZone: context.timeZone },
    [...new Map(batch.map((row) => [row.session.id, row.session])).values()],
    { from: context.window.from.toString(), to: '9999-12-31' },
  );
  const billing = await invoiceRepository.billingOf(
    tx,
    context.organizationId,
    batch.map((row) => row.subscription.id),
    range,
  );
  const bills: Bill[] = [];
  for (const { subscription, session, familyId, clientName } of batch) {
    // Built only for a subscription with a period to bill: most in a batch have none left.
    let billed: BilledSubscription | undefined;
    const billedSubscription = () =>
      (billed ??= {
        sessionName: session.name,
        schedule: schedules.get(session.id)!,
        paymentPlan: subscription.paymentPlan,
        price: subscription.priceSnapshot,
        startsOn: Temporal.PlainDate.from(subscription.startsOn),
        endsOn: subscription.endsOn ? Temporal.PlainDate.from(subscription.endsOn) : null,
      });
    const periods =
      subscription.paymentPlan === 'full_session'
        ? duePeriods(context, periodsStartingIn({ subscription: billedSubscription(), ...context.window }))
        : context.dueMonths;
    // Billing starts where checkout billed the first period: the run fills what follows (and gaps
    // after downtime), never months before a subscription's billing began.
    const { firstPeriod, billedPeriods } = billing.get(subscription.id) ?? { firstPeriod: null, billedPeriods: new Set<string>() };
    for (const due of periods) {
      if (billedPeriods.has(due.start)) continue;
      if (firstPeriod && due.start < firstPeriod) continue;
      const invoice = invoiceForPeriod({ subscription: billedSubscription(), period: due.period, locale: context.money.locale });
      if (invoice) bills.push({ subscriptionId: subscription.id, familyId, clientName, invoice, issueOn: due.issueOn, dueOn: due.dueOn });
    }
  }
  return bills;
}

/**
 * Writes the invoices (a period already billed elsewhere is skipped by the database), their
 * lines, charges and the email to each family's guardians, of the invoices written only.
 * Each invoice's id is chosen here, so its lines, charge and messages go in the same statement.
 */
async function issue(tx: Database, context: RunContext, bills: readonly Bill[]): Promise<InvoiceRow[]> {
  if (bills.length === 0) return [];
  const issued = bills.map((bill) => ({
    bill,
    invoice: {
      id: randomUUID(),
      familyId: bill.familyId,
      subscriptionId: bill.subscriptionId,
      status: bill.invoice.subtotal === 0 ? ('paid' as const) : ('open' as const),
      // Issued today, even when caught up after its issue day: the family receives it now.
      issuedOn: context.today.toString(),
      dueOn: (Temporal.PlainDate.compare(bill.dueOn, context.today) < 0 ? context.today : bill.dueOn).toString(),
      periodStart: bill.invoice.period.start.toString(),
      periodEnd: bill.invoice.period.end?.toString() ?? null,
      subtotal: bill.invoice.subtotal,
      discountTotal: 0,
      total: bill.invoice.subtotal,
    },
  }));
  const notices = await invoicesIssuedNotices(
    tx,
    context.organization,
    issued.map(({ invoice, bill }) => ({ ...invoice, clientName: bill.clientName, lines: bill.invoice.lines })),
  );
  const rows: RunBatchRows = {
    invoices: issued.map(({ invoice }) => invoice),
    lines: issued.flatMap(({ invoice, bill }) => bill.invoice.lines.map((line) => ({ ...line, invoiceId: invoice.id, subscriptionId: invoice.subscriptionId }))),
    charges: issued.map(({ invoice, bill }) =>
      ledgerEntryOf(ledgerOf(context), {
        familyId: invoice.familyId,
        invoiceId: invoice.id,
        kind: 'charge',
        amount: invoice.subtotal,
        description: `Invoice: ${bill.invoice.lines.map((l) => l.description).join('; ')}`,
      }),
    ),
    messages: outboxRows(context.organization, notices, context.mutedMessageKinds),
  };
  return invoiceRunRepository.issueBatch(tx, context.organizationId, rows);
}

/** The families' account credit applied to the invoices just issued, earliest due first (each family's row locked). */
async function applyHeldCredit(tx: Database, context: RunContext, invoices: readonly InvoiceRow[]): Promise<number> {
  let applied = 0;
  const byFamily = new Map<string, InvoiceRow[]>();
  for (const invoice of invoices.filter((i) => i.total > 0)) byFamily.set(invoice.familyId, [...(byFamily.get(invoice.familyId) ?? []), invoice]);
  // Families in id order, so two runs lock them in the same order.
  for (const [familyId, familyInvoices] of [...byFamily].sort(([a], [b]) => (a < b ? -1 : 1))) {
    await familyRepository.findByIdForUpdate(tx, context.organizationId, familyId);
    let held = await accountCreditRepository.heldByFamily(tx, context.organizationId, familyId);
    for (const invoice of familyInvoices.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))) {
      if (held <= 0) break;
      const amount = Math.min(held, invoice.total);
      await applyCreditTo(tx, ledgerOf(context), { invoice, amount, money: context.money });
      if (amount === invoice.total) await invoiceRepository.update(tx, context.organizationId, invoice.id, { status: 'paid' });
      held -= amount;
      applied += amount;
    }
  }
  return applied;
}

function ledgerOf(context: RunContext): LedgerContext {
  return { organizationId: context.organizationId, actorUserId: null, today: context.today };
}
