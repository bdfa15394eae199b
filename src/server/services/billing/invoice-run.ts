import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { isTransaction, type Database } from '../../../db/client.js';
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
  const limit = o.batchSize ?? RUN_BATCH_SIZE;
  // Inside a caller's transaction the batches are savepoints of its one connection: one at a time.
  // So too when the run applies account credit: it locks each family's row, and siblings billed
  // in two batches at once (each holding the key-share locks of its new invoices on the other's
  // families) would deadlock.
  const atOnce = isTransaction(db) || context.settings.applyAccountCreditAutomatically ? 1 : BATCHES_AT_ONCE;
  const totals = { issued: 0, creditApplied: 0 };
  const inFlight: Promise<BatchResult>[] = [];
  const settleOldest = async () => {
    const result = await inFlight.shift()!;
    totals.issued += result.issued;
    totals.creditApplied += result.creditApplied;
  };
  let stopped = false;
  let after: BillablePosition | null = null;
  try {
    for (;;) {
      if (o.signal?.aborted) {
        stopped = true;
        break;
      }
      if (inFlight.length >= atOnce) await settleOldest();
      const batch = startBatch(db, context, { after, limit });
      inFlight.push(batch.done);
      const page = await batch.paged;
      if (page.count < limit) break;
      after = page.last;
    }
    while (inFlight.length > 0) await settleOldest();
  } finally {
    // Every batch started commits or rolls back before the run returns or throws.
    await Promise.allSettled(inFlight);
  }
  const result = { organizationId: context.organizationId, runOn: context.today.toString(), ...totals };
  if (stopped) return result;
  await invoiceRunRepository.update(db, context.organizationId, record.id, { issued: totals.issued, finishedAt: new Date() });
  return result;
}

/**
 * Batches in their transactions at once: the next batch's reads and working out overlap the
 * last one's writes and commit (the database and the run each work while the other does).
 * Batches bill disjoint subscriptions, so neither waits for the other's rows.
 */
export const BATCHES_AT_ONCE = 2;

interface BatchResult {
  issued: number;
  creditApplied: number;
}

interface BatchPage {
  count: number;
  last: BillablePosition | null;
}

/** Starts a batch's transaction; `paged` tells where its page ended as soon as it is read, `done` when it committed. */
function startBatch(db: Database, context: RunContext, page: { after: BillablePosition | null; limit: number }) {
  let onPage!: (paged: BatchPage) => void;
  const paged = new Promise<BatchPage>((resolve) => (onPage = resolve));
  const done = db.transaction((tx) => billBatch(tx, context, page, onPage));
  // A failure is thrown where the batch is awaited; until then it is not an unhandled rejection.
  done.catch(() => undefined);
  return { paged: Promise.race([paged, done.then(() => paged)]), done };
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
async function billBatch(
  tx: Database,
  context: RunContext,
  page: { after: BillablePosition | null; limit: number },
  onPage: (paged: BatchPage) => void,
): Promise<BatchResult> {
  // Subscriptions that run in any period starting in the window: one starting on the 5th of a
  // month whose period (its 1st) is in the window is billed for that month too.
  const running = { from: context.window.from.toString(), to: context.window.to.add({ months: 1 }).toString() };
  const batch = await subscriptionRepository.billableBatch(tx, context.organizationId, { ...page, ...running });
  onPage({ count: batch.length, last: batch.at(-1)?.position ?? null });
  if (batch.length === 0) return { issued: 0, creditApplied: 0 };
  const bills = await periodsToBill(tx, context, batch);
  const inserted = await issue(tx, context, bills);
  const creditApplied = context.settings.applyAccountCreditAutomatically ? await applyHeldCredit(tx, context, inserted) : 0;
  return { issued: inserted.length, creditApplied };
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
