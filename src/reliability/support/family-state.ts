import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/client.js';
import type { AppErrorCode } from '../../domain/errors.js';
import { rows } from './databases.js';

/**
 * What the money workflows know about a family before each step, read by SQL alone (not
 * through the product's repositories or services), and the rules that say which refusals a
 * step may get given that state (DESIGN.md "Time and roles", "Chains of transfers", billing).
 * Dates are ISO strings, which order as the calendar does.
 */

export interface Sub {
  id: string;
  clientId: string;
  sessionId: string;
  startsOn: string;
  endsOn: string | null;
  status: 'active' | 'void';
  paymentPlan: 'monthly' | 'per_visit' | 'full_session';
}

export interface Xfer {
  id: string;
  clientId: string;
  from: string;
  to: string;
  transferDate: string;
  oldEndsOn: string;
  firstSessionDate: string;
  previousEndsOn: string | null;
  status: 'completed' | 'undone';
  /** Account credit the transfer gave the family (taken back by an undo). */
  accountCredit: number;
  /** The invoices it voided (reopened by an undo). */
  voidedInvoiceIds: string[];
  /** The transaction's time: what it wrote carries the same created_at. */
  createdAt: string;
}

export interface Inv {
  id: string;
  subscriptionId: string | null;
  status: 'open' | 'paid' | 'closed' | 'void';
  total: number;
  /** Payments less refunds. */
  paid: number;
  writtenOff: number;
  /** The family's account credit applied to it. */
  credited: number;
  /** Each payment with what was refunded of it, oldest first. */
  payments: { id: string; amount: number; refunded: number }[];
  periodStart: string | null;
  periodEnd: string | null;
  issuedOn: string;
  dueOn: string;
  createdAt: string;
}

export interface FamilyState {
  /** Oldest first (creation order, then start): a fixed seed picks the same rows on every run. */
  subscriptions: Sub[];
  transfers: Xfer[];
  invoices: Inv[];
  /** Dates with attendance recorded, by subscription. */
  attended: Map<string, string[]>;
  /** Account credit the family holds (added less applied and taken back). */
  creditHeld: number;
}

/** The family's subscriptions, transfers, invoices (with what was paid and written off) and attendance, in one query. */
export async function readFamilyState(db: Database, organizationId: string, familyId: string): Promise<FamilyState> {
  const [row] = await rows<{
    subscriptions: Sub[];
    transfers: Xfer[];
    invoices: Inv[];
    attendance: { subscriptionId: string; date: string }[];
    credit_held: string | number;
  }>(
    db,
    sql`with fam_clients as (select id from clients where organization_id = ${organizationId} and family_id = ${familyId}),
        fam_subs as (select * from subscriptions where organization_id = ${organizationId} and client_id in (select id from fam_clients))
        select
          (select coalesce(json_agg(json_build_object('id', s.id, 'clientId', s.client_id, 'sessionId', s.session_id,
              'startsOn', s.starts_on::text, 'endsOn', s.ends_on::text, 'status', s.status, 'paymentPlan', s.payment_plan) order by s.created_at, s.starts_on, s.id), '[]')
            from fam_subs s) as subscriptions,
          (select coalesce(json_agg(json_build_object('id', t.id, 'clientId', t.client_id, 'from', t.from_subscription_id,
              'to', t.to_subscription_id, 'transferDate', t.transfer_date::text, 'oldEndsOn', t.old_ends_on::text,
              'firstSessionDate', t.first_session_date::text, 'previousEndsOn', t.previous_ends_on::text, 'status', t.status,
              'accountCredit', t.account_credit, 'voidedInvoiceIds', t.voided_invoice_ids, 'createdAt', t.created_at::text)
              order by t.created_at, t.id), '[]')
            from transfers t where t.organization_id = ${organizationId} and t.client_id in (select id from fam_clients)) as transfers,
          (select coalesce(json_agg(json_build_object('id', i.id, 'subscriptionId', i.subscription_id, 'status', i.status, 'total', i.total,
              'paid', (select coalesce(sum(p.amount), 0) from payments p where p.organization_id = i.organization_id and p.invoice_id = i.id)
                - (select coalesce(sum(r.amount), 0) from refunds r where r.organization_id = i.organization_id and r.invoice_id = i.id),
              'writtenOff', (select coalesce(sum(w.amount), 0) from write_offs w where w.organization_id = i.organization_id and w.invoice_id = i.id),
              'credited', -(select coalesce(sum(c.amount), 0) from account_credit_entries c where c.organization_id = i.organization_id and c.invoice_id = i.id),
              'payments', (select coalesce(json_agg(json_build_object('id', p.id, 'amount', p.amount,
                  'refunded', (select coalesce(sum(r.amount), 0) from refunds r where r.organization_id = p.organization_id and r.payment_id = p.id))
                  order by p.received_at, p.id), '[]')
                from payments p where p.organization_id = i.organization_id and p.invoice_id = i.id),
              'periodStart', i.period_start::text, 'periodEnd', i.period_end::text, 'issuedOn', i.issued_on::text, 'dueOn', i.due_on::text, 'createdAt', i.created_at::text)
              order by i.created_at, i.issued_on, i.due_on, i.total, i.id), '[]')
            from invoices i where i.organization_id = ${organizationId} and i.family_id = ${familyId}) as invoices,
          (select coalesce(json_agg(json_build_object('subscriptionId', a.subscription_id, 'date', a.date::text) order by a.date), '[]')
            from attendance a where a.organization_id = ${organizationId} and a.subscription_id in (select id from fam_subs)) as attendance,
          (select coalesce(sum(c.amount), 0) from account_credit_entries c where c.organization_id = ${organizationId} and c.family_id = ${familyId}) as credit_held`,
  );
  const attended = new Map<string, string[]>();
  for (const a of row!.attendance) attended.set(a.subscriptionId, [...(attended.get(a.subscriptionId) ?? []), a.date]);
  return {
    subscriptions: row!.subscriptions,
    transfers: row!.transfers,
    invoices: row!.invoices.map((i) => ({
      ...i,
      paid: Number(i.paid),
      writtenOff: Number(i.writtenOff),
      credited: Number(i.credited),
      payments: i.payments.map((p) => ({ ...p, amount: Number(p.amount), refunded: Number(p.refunded) })),
    })),
    attended,
    creditHeld: Number(row!.credit_held),
  };
}

// ---------------------------------------------------------------- session dates, from the schedule the test built

export interface KnownSession {
  id: string;
  name: string;
  /** Every real date (cancelled left out, a move at its new date), sorted, over the workflows' horizon. */
  dates: string[];
  dateSet: Set<string>;
}

/**
 * The real dates of a weekly session, computed here from the pattern and the exceptions the
 * test itself stored (not by the product's schedule code): ISO weekdays from its first date
 * to its end (exclusive), cancelled and moved-away dates left out, moved-to dates added.
 */
export function knownSession(o: {
  id: string;
  name: string;
  weekdays: readonly number[];
  startsOn: string;
  endsOn: string | null;
  exceptions: readonly { date: string; kind: 'cancelled' | 'moved'; toDate?: string }[];
  horizon: string;
}): KnownSession {
  const dates = new Set<string>();
  const end = o.endsOn && o.endsOn < o.horizon ? o.endsOn : o.horizon;
  const away = new Set(o.exceptions.map((e) => e.date));
  for (let d = Temporal.PlainDate.from(o.startsOn); d.toString() < end; d = d.add({ days: 1 })) {
    if (o.weekdays.includes(d.dayOfWeek) && !away.has(d.toString())) dates.add(d.toString());
  }
  for (const e of o.exceptions) if (e.kind === 'moved' && e.toDate) dates.add(e.toDate);
  const sorted = [...dates].sort();
  return { id: o.id, name: o.name, dates: sorted, dateSet: new Set(sorted) };
}

/** The dates of the session a subscription covers: startsOn ≤ date < endsOn (none when void). */
export function coveredDates(sub: Sub, session: KnownSession): string[] {
  if (sub.status === 'void') return [];
  return session.dates.filter((d) => d >= sub.startsOn && (sub.endsOn === null || d < sub.endsOn));
}

export const covers = (sub: Sub, date: string) => sub.status === 'active' && sub.startsOn <= date && (sub.endsOn === null || date < sub.endsOn);

/** The client's active subscriptions in a session whose period overlaps [from, end). */
export const overlapping = (state: FamilyState, o: { clientId: string; sessionId: string; from: string; end: string | null; except?: string }) =>
  state.subscriptions.filter(
    (s) =>
      s.id !== o.except &&
      s.clientId === o.clientId &&
      s.sessionId === o.sessionId &&
      s.status === 'active' &&
      (s.endsOn === null || s.endsOn > o.from) &&
      (o.end === null || s.startsOn < o.end),
  );

export const standingFrom = (state: FamilyState, subscriptionId: string) =>
  state.transfers.find((t) => t.from === subscriptionId && t.status === 'completed');

// ---------------------------------------------------------------- which refusals a step may get

/**
 * The refusals that apply to a step, each computed on its own from the state: an empty set
 * means the step must succeed; otherwise it must be refused with one of these codes (when
 * several rules refuse, any of them is a right answer).
 */
export type Expected = Set<AppErrorCode>;

const expect = (rules: [AppErrorCode, boolean][]): Expected => new Set(rules.filter(([, applies]) => applies).map(([code]) => code));

export type Role = 'owner' | 'manager' | 'front_desk';
const mayBackdate = (role: Role) => role !== 'front_desk';

/** Enrolling from `startsOn` (a real date of the session). */
export function expectEnroll(state: FamilyState, o: { clientId: string; sessionId: string; startsOn: string; today: string; role: Role }): Expected {
  return expect([
    ['FORBIDDEN', !mayBackdate(o.role) && o.startsOn < o.today],
    ['ALREADY_ENROLLED', overlapping(state, { clientId: o.clientId, sessionId: o.sessionId, from: o.startsOn, end: null }).length > 0],
  ]);
}

/**
 * The plan of a transfer (before any money): ended by a standing transfer, not enrolled on the
 * date, an old end that is not one of its dates, attendance after the old end, no first date in
 * the target, a first date before the moved enrollment started, already in the target, and
 * back-dating by front desk.
 */
export function expectTransferPlan(
  state: FamilyState,
  o: {
    from: Sub;
    fromSession: KnownSession;
    target: KnownSession;
    transferDate: string;
    oldEndsOn: string | null;
    firstSessionDate: string | null;
    today: string;
    role: Role;
  },
): Expected {
  const { from } = o;
  const oldEnd = o.oldEndsOn ?? o.transferDate;
  const first = o.firstSessionDate ?? o.target.dates.find((d) => d >= o.transferDate) ?? null;
  const enrolledOn = (d: string) => covers(from, d) && o.fromSession.dateSet.has(d);
  const reached = [o.transferDate, oldEnd, ...(first ? [first] : [])].sort()[0]!;
  return expect([
    ['SAME_SESSION', o.target.id === from.sessionId],
    ['ENDED_BY_TRANSFER', standingFrom(state, from.id) !== undefined],
    ['NOT_ENROLLED_ON_DATE', !enrolledOn(o.transferDate)],
    ['INVALID_END_DATE', o.oldEndsOn !== null && ((from.endsOn !== null && o.oldEndsOn >= from.endsOn) || !enrolledOn(o.oldEndsOn))],
    ['ATTENDANCE_RECORDED', (state.attended.get(from.id) ?? []).some((d) => d >= oldEnd)],
    ['NOT_A_SESSION_DATE', first === null || !o.target.dateSet.has(first)],
    // The successor cannot start before the enrollment it replaces did (the chain's dates
    // before that belong to an earlier link; D1).
    ['INVALID_DATE_RANGE', first !== null && first < from.startsOn],
    ['ALREADY_ENROLLED', first !== null && overlapping(state, { clientId: from.clientId, sessionId: o.target.id, from: first, end: null }).length > 0],
    ['FORBIDDEN', !mayBackdate(o.role) && reached < o.today],
  ]);
}

/** `basisPoints` of `amount`, rounded half up (the rule of EXAMPLES.md E3), in whole minor units. */
export const percentOfAmount = (amount: number, basisPoints: number) => Math.floor((amount * basisPoints + 5_000) / 10_000);

export type TransferDiscount = { kind: 'percent'; basisPoints: number; reason: string } | { kind: 'amount'; amount: number; reason: string };

/** The checkout of a transfer whose plan stands: discounts taken one after another from the subtotal, then the finish. */
export function expectCheckout(o: {
  subtotal: number;
  discounts: readonly TransferDiscount[];
  finish: { kind: 'pay_now'; amount: number } | { kind: 'pay_later' } | { kind: 'close_now' };
  role: Role;
}): { expected: Expected; total: number } {
  let total = o.subtotal;
  for (const d of o.discounts) {
    const amount = d.kind === 'percent' ? percentOfAmount(total, d.basisPoints) : d.amount;
    if (amount > total) return { expected: new Set(['DISCOUNT_EXCEEDS_TOTAL']), total };
    total -= amount;
  }
  const { finish } = o;
  const expected = expect([
    ['VALIDATION_FAILED', finish.kind === 'pay_now' && !(total === 0 && finish.amount === 0) && (finish.amount <= 0 || finish.amount > total)],
    // Close Now writes the rest off, which is a manager's (billing.adjust).
    ['FORBIDDEN', finish.kind === 'close_now' && total > 0 && o.role === 'front_desk'],
  ]);
  return { expected, total };
}

/** Undo: refused (UNDO_NOT_POSSIBLE) unless both enrollments are as the transfer left them and nothing depends on the new one. */
export function undoBlockers(state: FamilyState, t: Xfer): string[] {
  const from = state.subscriptions.find((s) => s.id === t.from)!;
  const to = state.subscriptions.find((s) => s.id === t.to)!;
  const leftAsItWas = t.oldEndsOn === from.startsOn ? from.status === 'void' : from.status === 'active' && from.endsOn === t.oldEndsOn;
  const onNew = state.invoices.filter((i) => i.subscriptionId === to.id);
  const paidOnNew = onNew.reduce((sum, i) => sum + i.paid, 0);
  const creditedOnNew = onNew.reduce((sum, i) => sum + i.credited, 0);
  const restoredFrom = from.status === 'void' ? from.startsOn : (from.endsOn ?? from.startsOn);
  // The run may have billed the old enrollment again for a period the transfer voided (dates it
  // still attends); undo voids that invoice to reopen the original, so money on it (a payment or
  // account credit, the run's automatic credit too) blocks the undo.
  const voidedPeriods = new Set(state.invoices.filter((i) => t.voidedInvoiceIds.includes(i.id)).map((i) => i.periodStart));
  const moneyOnRebilled = state.invoices.some(
    (i) => i.subscriptionId === from.id && i.status !== 'void' && !t.voidedInvoiceIds.includes(i.id) && voidedPeriods.has(i.periodStart) && (i.paid > 0 || i.credited > 0),
  );
  const blockers: [string, boolean][] = [
    ['already undone', t.status === 'undone'],
    ['the new enrollment was transferred again', standingFrom(state, to.id) !== undefined],
    ['the new enrollment is void', to.status === 'void'],
    ['the new enrollment was ended', to.endsOn !== null],
    ['the old enrollment was changed', !leftAsItWas],
    ['paid on the new enrollment (not refunded)', paidOnNew > 0],
    ['account credit applied on the new enrollment', creditedOnNew > 0],
    ['the account credit it gave was applied since', t.accountCredit > state.creditHeld],
    ['attendance on the new enrollment', (state.attended.get(to.id) ?? []).length > 0],
    ['money on an invoice the run issued since for a period the transfer voided', moneyOnRebilled],
    [
      'the old dates are taken by another enrollment in the old session',
      overlapping(state, { clientId: from.clientId, sessionId: from.sessionId, from: restoredFrom, end: t.previousEndsOn, except: from.id }).length > 0,
    ],
  ];
  return blockers.filter(([, applies]) => applies).map(([why]) => why);
}

/** Unenrolling from `date`. */
export function expectUnenroll(state: FamilyState, o: { sub: Sub; session: KnownSession; date: string; today: string; role: Role }): Expected {
  const { sub, date } = o;
  return expect([
    ['ENDED_BY_TRANSFER', standingFrom(state, sub.id) !== undefined],
    ['FORBIDDEN', !mayBackdate(o.role) && date < o.today],
    ['ATTENDANCE_RECORDED', (state.attended.get(sub.id) ?? []).some((d) => d >= date)],
    ['SUBSCRIPTION_ENDED', sub.status === 'void'],
    ['END_DATE_LATER', sub.status === 'active' && sub.endsOn !== null && date >= sub.endsOn],
    ['NOT_ENROLLED_ON_DATE', !covers(sub, date) || !o.session.dateSet.has(date)],
  ]);
}

/** Marking attendance on `date` (only up to today, only for a client on that date's roster). */
export function expectAttendance(o: { sub: Sub; session: KnownSession; date: string; today: string }): Expected {
  return expect([
    ['DATE_IN_FUTURE', o.date > o.today],
    ['NOT_ENROLLED_ON_DATE', !covers(o.sub, o.date) || !o.session.dateSet.has(o.date)],
  ]);
}

/** What the invoice still asks for: total less payments (net of refunds), account credit applied and write-offs; nothing when void. */
const due = (i: Inv) => (i.status === 'void' ? 0 : i.total - i.paid - i.credited - i.writtenOff);

export function expectPayment(i: Inv, amount: number): Expected {
  return expect([
    ['CONFLICT', i.status !== 'open' || due(i) <= 0],
    ['VALIDATION_FAILED', i.status === 'open' && due(i) > 0 && amount > due(i)],
  ]);
}

export function expectWriteOff(i: Inv, amount: number | undefined): Expected {
  return expect([
    ['CONFLICT', i.status !== 'open' || due(i) <= 0],
    ['VALIDATION_FAILED', i.status === 'open' && due(i) > 0 && amount !== undefined && amount > due(i)],
  ]);
}

/** A discount only before any money: payments not refunded, account credit applied or a write-off. */
export function expectDiscount(i: Inv, discount: TransferDiscount): Expected {
  return expect([
    ['CONFLICT', i.status !== 'open' || i.paid > 0 || i.credited > 0 || i.writtenOff > 0],
    ['DISCOUNT_EXCEEDS_TOTAL', discount.kind === 'amount' && discount.amount > i.total],
  ]);
}

/** Money received is never dropped: an invoice holding payments (not refunded) or account credit is not voided. */
export function expectVoid(i: Inv): Expected {
  return expect([['CONFLICT', i.status !== 'open' || i.paid > 0 || i.credited > 0]]);
}

/**
 * A refund of `amount` (undefined: all that is left) of one payment: a manager's (the route
 * refuses front desk with 403 before anything else), at most what was not yet refunded.
 */
export function expectRefund(payment: Inv['payments'][number], amount: number | undefined, role: Role): Expected {
  const left = payment.amount - payment.refunded;
  if (role === 'front_desk') return new Set(['FORBIDDEN']);
  return expect([
    ['CONFLICT', left <= 0],
    ['VALIDATION_FAILED', left > 0 && amount !== undefined && amount > left],
  ]);
}

/** Account credit applied to an invoice (undefined: as much as is due and held): open, credit held, at most both (E10). */
export function expectCreditApplication(i: Inv, held: number, amount: number | undefined): Expected {
  const usable = i.status === 'open' && held > 0;
  return expect([
    ['CONFLICT', !usable],
    ['VALIDATION_FAILED', usable && amount !== undefined && amount > Math.min(due(i), held)],
  ]);
}

export const amountDueOf = due;
