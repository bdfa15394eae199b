import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/client.js';
import { rows } from './databases.js';
import { amountDueOf, coveredDates, type FamilyState, type KnownSession, type Sub } from './family-state.js';

/**
 * What must hold for a family after any workflow, checked by SQL on its rows alone (never
 * through the product's own code): the ledger, and the rules of DESIGN.md "Time and roles"
 * and "Chains of transfers".
 */

// ---------------------------------------------------------------- the ledger

export interface Ledger {
  /** What the family's invoices that are not void still ask for: total − paid (net of refunds) − credited − written off. */
  due: number;
  /** Account credit held: added, less applied and taken back. */
  credit_held: number;
  /** The sum of the family's ledger entries. */
  ledger_sum: number;
  negative_totals: number;
  lines_not_subtotal: number;
  discounts_not_discount_total: number;
  total_not_subtotal_less_discounts: number;
  money_above_total: number;
  open_with_nothing_due: number;
  settled_with_something_due: number;
  void_with_money: number;
  refunded_above_payment: number;
  credit_negative: number;
  /** 1 when the ledger's sum is not what the invoices ask for less the credit held. */
  ledger_not_invoices_less_credit: number;
}

export const LEDGER_PROBLEMS = [
  'negative_totals', 'lines_not_subtotal', 'discounts_not_discount_total', 'total_not_subtotal_less_discounts',
  'money_above_total', 'open_with_nothing_due', 'settled_with_something_due', 'void_with_money', 'refunded_above_payment',
  'credit_negative', 'ledger_not_invoices_less_credit',
] as const;

/**
 * Each family's money by SQL alone, from the rows every writer leaves (DESIGN.md "Family ledger",
 * decision 011): the balance is the ledger's sum, and the same number is what the invoices that are
 * not void still ask for (total − payments + refunds − account credit applied − write-offs) less
 * the account credit the family holds. Every invoice's amounts agree with its status.
 */
export async function ledgers(db: Database, organizationId: string, familyIds: readonly string[]): Promise<Map<string, Ledger>> {
  const found = await rows<Ledger & { family_id: string }>(
    db,
    sql`with inv as (
          select i.family_id, i.status, i.subtotal, i.discount_total, i.total,
            coalesce((select sum(amount) from invoice_lines l where l.organization_id = i.organization_id and l.invoice_id = i.id), 0) as lines,
            coalesce((select sum(amount) from invoice_discounts d where d.organization_id = i.organization_id and d.invoice_id = i.id), 0) as discounts,
            coalesce((select sum(amount) from payments p where p.organization_id = i.organization_id and p.invoice_id = i.id), 0)
              - coalesce((select sum(amount) from refunds r where r.organization_id = i.organization_id and r.invoice_id = i.id), 0) as paid,
            -coalesce((select sum(amount) from account_credit_entries c where c.organization_id = i.organization_id and c.invoice_id = i.id), 0) as credited,
            coalesce((select sum(amount) from write_offs w where w.organization_id = i.organization_id and w.invoice_id = i.id), 0) as written_off
          from invoices i where i.organization_id = ${organizationId} and i.family_id in ${familyIds}
        ),
        held as (
          select family_id, sum(amount) as held from account_credit_entries
          where organization_id = ${organizationId} and family_id in ${familyIds} group by family_id
        ),
        book as (
          select family_id, sum(amount) as total from ledger_entries
          where organization_id = ${organizationId} and family_id in ${familyIds} group by family_id
        ),
        over_refunded as (
          select p.family_id, count(*) as n from payments p
          where p.organization_id = ${organizationId} and p.family_id in ${familyIds}
            and p.amount < (select coalesce(sum(r.amount), 0) from refunds r where r.organization_id = p.organization_id and r.payment_id = p.id)
          group by p.family_id
        ),
        per_family as (
          select f.id as family_id,
            coalesce(sum(inv.total - inv.paid - inv.credited - inv.written_off) filter (where inv.status <> 'void'), 0)::int as due,
            coalesce((select held from held where held.family_id = f.id), 0)::int as credit_held,
            coalesce((select total from book where book.family_id = f.id), 0)::int as ledger_sum,
            count(inv.status) filter (where inv.total < 0)::int as negative_totals,
            count(inv.status) filter (where inv.lines <> inv.subtotal)::int as lines_not_subtotal,
            count(inv.status) filter (where inv.discounts <> inv.discount_total)::int as discounts_not_discount_total,
            count(inv.status) filter (where inv.total <> inv.subtotal - inv.discount_total)::int as total_not_subtotal_less_discounts,
            count(inv.status) filter (where inv.status <> 'void' and inv.paid + inv.credited + inv.written_off > inv.total)::int as money_above_total,
            count(inv.status) filter (where inv.status = 'open' and inv.total - inv.paid - inv.credited - inv.written_off <= 0)::int as open_with_nothing_due,
            count(inv.status) filter (where inv.status in ('paid', 'closed') and inv.total - inv.paid - inv.credited - inv.written_off <> 0)::int as settled_with_something_due,
            count(inv.status) filter (where inv.status = 'void' and (inv.paid > 0 or inv.credited > 0))::int as void_with_money,
            coalesce((select n from over_refunded o where o.family_id = f.id), 0)::int as refunded_above_payment
          from families f left join inv on inv.family_id = f.id
          where f.organization_id = ${organizationId} and f.id in ${familyIds}
          group by f.id
        )
        select *, (credit_held < 0)::int as credit_negative, (ledger_sum <> due - credit_held)::int as ledger_not_invoices_less_credit from per_family`,
  );
  return new Map(found.map((r) => [r.family_id, r]));
}

/** The family's balance as the invoices and the account credit give it (the ledger's sum must be the same). */
export const balanceOf = (l: Ledger) => l.due - l.credit_held;

// ---------------------------------------------------------------- chains, attendance, transfers

export interface ChainFindings {
  /** (a) Two active subscriptions of one chain live on the same date (outside the double enrollment a transfer declared). */
  twoLiveInAChain: string[];
  /**
   * (a), the known defect D1 (docs/reliability.md): two live subscriptions of one chain because a
   * later transfer of the chain took a first date before the start of the enrollment it moved out
   * of, reaching back over the dates of an earlier enrollment of the chain that is still live.
   */
  twoLiveByAFirstDateBeforeItsStart: string[];
  /** (b) Attendance on a date whose client is no longer on that date's roster. */
  attendanceOffTheRoster: string[];
  /** (c) A transfer whose from/to subscriptions disagree with its dates or status. */
  transfersDisagreeing: string[];
  /** What was looked at, for the figures. */
  counted: { subscriptions: number; chains: number; longestChain: number; attendance: number; transfers: number };
}

/**
 * (a) At most one live subscription per chain of transfers on any date. A chain is the set of
 * subscriptions connected by standing (completed) transfers; live on a date = active and
 * startsOn ≤ date < endsOn (or no end). The one overlap allowed is the one a transfer declares
 * itself: its first session date before its old end (the DOUBLE_ENROLLED warning staff accept).
 * Between the transfer's from-subscription and any later subscription of its chain (its new one,
 * or what replaced that since), the dates in [first session date, old end) may be in both.
 *
 * (b) Every attendance row: its subscription is active, covers the date, and the date is a real
 * session date (a weekday of the session within its dates, not cancelled or moved away, or the
 * date a move brought it to).
 *
 * (c) Every transfer: from and to are the client's; a completed one's from-subscription ends on
 * old_ends_on (void when that was its first date), its to-subscription starts on
 * first_session_date and is active with no end unless a later standing transfer or an unenroll
 * (its audit event's after-state) changed it; at most one standing transfer per from-subscription;
 * an undone one's to-subscription is void.
 */
export async function chainFindings(db: Database, organizationId: string, familyId: string): Promise<ChainFindings> {
  const scope = sql`fam_clients as (select id from clients where organization_id = ${organizationId} and family_id = ${familyId}),
    fam_subs as (select * from subscriptions where organization_id = ${organizationId} and client_id in (select id from fam_clients)),
    fam_transfers as (select * from transfers where organization_id = ${organizationId} and client_id in (select id from fam_clients)),
    standing as (select * from fam_transfers where status = 'completed')`;

  const chains = await rows<{ root: string; sub: string }>(
    db,
    sql`with recursive ${scope},
        chain(root, sub) as (
          select s.id, s.id from fam_subs s where not exists (select 1 from standing t where t.to_subscription_id = s.id)
          union
          select c.root, t.to_subscription_id from chain c join standing t on t.from_subscription_id = c.sub
        )
        select root, sub from chain`,
  );
  const sizes = new Map<string, number>();
  for (const c of chains) sizes.set(c.root, (sizes.get(c.root) ?? 0) + 1);

  const twoLive = await rows<{ a: string; b: string; a_period: string; b_period: string; first_before_start: string | null }>(
    db,
    sql`with recursive ${scope},
        chain(root, sub, depth) as (
          select s.id, s.id, 0 from fam_subs s where not exists (select 1 from standing t where t.to_subscription_id = s.id)
          union
          select c.root, t.to_subscription_id, c.depth + 1 from chain c join standing t on t.from_subscription_id = c.sub
        )
        select x.id as a, y.id as b,
          x.starts_on || '..' || coalesce(x.ends_on::text, '') as a_period, y.starts_on || '..' || coalesce(y.ends_on::text, '') as b_period,
          -- The known defect (reported, docs/reliability.md): a transfer between them whose first date
          -- is before the start of the enrollment it moved out of.
          (select min(u.id::text) from standing u
            join chain cu on cu.root = ca.root and cu.sub = u.from_subscription_id and cu.depth > ca.depth and cu.depth < cb.depth
            join fam_subs uf on uf.id = u.from_subscription_id
            where u.first_session_date < uf.starts_on) as first_before_start
        from chain ca join chain cb on ca.root = cb.root and ca.depth < cb.depth
        join fam_subs x on x.id = ca.sub join fam_subs y on y.id = cb.sub
        where x.status = 'active' and y.status = 'active'
          and greatest(x.starts_on, y.starts_on) < least(coalesce(x.ends_on, 'infinity'::date), coalesce(y.ends_on, 'infinity'::date))
          and not exists (
            select 1 from standing t
            where t.from_subscription_id = x.id
              and t.first_session_date <= greatest(x.starts_on, y.starts_on)
              and least(coalesce(x.ends_on, 'infinity'::date), coalesce(y.ends_on, 'infinity'::date)) <= t.old_ends_on)`,
  );

  const offRoster = await rows<{ subscription_id: string; date: string; status: string; period: string }>(
    db,
    sql`with ${scope}
        select a.subscription_id, a.date::text as date, s.status::text as status, s.starts_on || '..' || coalesce(s.ends_on::text, '') as period
        from attendance a join fam_subs s on s.id = a.subscription_id
        where a.organization_id = ${organizationId}
          and not (
            s.status = 'active' and s.starts_on <= a.date and (s.ends_on is null or a.date < s.ends_on)
            and exists (
              select 1 from sessions se where se.organization_id = s.organization_id and se.id = s.session_id and (
                (extract(isodow from a.date)::smallint = any(se.weekdays) and a.date >= se.starts_on and (se.ends_on is null or a.date < se.ends_on)
                  and not exists (select 1 from session_date_exceptions e
                                  where e.organization_id = se.organization_id and e.session_id = se.id and e.date = a.date))
                or exists (select 1 from session_date_exceptions e
                           where e.organization_id = se.organization_id and e.session_id = se.id and e.kind = 'moved' and e.to_date = a.date
                             and extract(isodow from e.date)::smallint = any(se.weekdays) and e.date >= se.starts_on
                             and (se.ends_on is null or e.date < se.ends_on)))))`,
  );
  const [{ attendance }] = (await rows<{ attendance: number }>(
    db,
    sql`select count(*)::int as attendance from attendance where organization_id = ${organizationId}
        and subscription_id in (select s.id from subscriptions s join clients c on c.organization_id = s.organization_id and c.id = s.client_id
                                where s.organization_id = ${organizationId} and c.family_id = ${familyId})`,
  )) as [{ attendance: number }];

  const transfers = await rows<{ id: string; status: string; problems: string[] }>(
    db,
    sql`with ${scope}
        select t.id, t.status::text as status, array_remove(array[
          case when f.id is null or n.id is null then 'from or to subscription missing' end,
          case when f.client_id <> t.client_id or n.client_id <> t.client_id then 'from or to belongs to another client' end,
          case when t.status = 'completed' and t.old_ends_on = f.starts_on and f.status <> 'void'
            then 'from ended on its first date (' || t.old_ends_on || ') but is not void' end,
          case when t.status = 'completed' and t.old_ends_on <> f.starts_on and (f.status <> 'active' or f.ends_on is distinct from t.old_ends_on)
            then 'from is ' || f.status || ' ending ' || coalesce(f.ends_on::text, 'never') || ', not on old_ends_on ' || t.old_ends_on end,
          case when t.status = 'completed' and n.starts_on <> t.first_session_date
            then 'to starts ' || n.starts_on || ', not on first_session_date ' || t.first_session_date end,
          case when t.status = 'completed' and not (n.status = 'active' and n.ends_on is null)
            and not exists (select 1 from standing t2 where t2.from_subscription_id = n.id)
            and not exists (select 1 from audit_events e where e.organization_id = t.organization_id and e.entity_type = 'subscription'
                            and e.entity_id = n.id and e.action = 'subscription.unenrolled'
                            and e.after->>'status' = n.status::text and (e.after->>'endsOn') is not distinct from n.ends_on::text)
            then 'to is ' || n.status || ' ending ' || coalesce(n.ends_on::text, 'never') || ', changed by neither a later standing transfer nor an unenroll' end,
          case when t.status = 'completed' and (select count(*) from standing t2 where t2.from_subscription_id = t.from_subscription_id) > 1
            then 'more than one standing transfer from the same subscription' end,
          case when t.status = 'undone' and n.status <> 'void' then 'undone but its to-subscription is ' || n.status end
        ], null) as problems
        from fam_transfers t
        left join fam_subs f on f.id = t.from_subscription_id
        left join fam_subs n on n.id = t.to_subscription_id`,
  );

  return {
    twoLiveInAChain: twoLive.filter((r) => r.first_before_start === null).map((r) => `subscriptions ${r.a} (${r.a_period}) and ${r.b} (${r.b_period}) of one chain are both live`),
    twoLiveByAFirstDateBeforeItsStart: twoLive
      .filter((r) => r.first_before_start !== null)
      .map((r) => `subscriptions ${r.a} (${r.a_period}) and ${r.b} (${r.b_period}) of one chain are both live, after transfer ${r.first_before_start} took a first date before its from-subscription's start`),
    attendanceOffTheRoster: offRoster.map((r) => `attendance on ${r.date} of subscription ${r.subscription_id} (${r.status}, ${r.period})`),
    transfersDisagreeing: transfers.filter((t) => t.problems.length > 0).map((t) => `transfer ${t.id} (${t.status}): ${t.problems.join('; ')}`),
    counted: {
      subscriptions: chains.length,
      chains: sizes.size,
      longestChain: Math.max(0, ...sizes.values()),
      attendance,
      transfers: transfers.length,
    },
  };
}

// ---------------------------------------------------------------- the invoice run, as a family sees it

export interface BillingFindings {
  /** A period whose issue day has come, of a live enrollment, with no live invoice after the run. */
  missing: string[];
  /** Two live invoices for one enrollment and period. */
  twice: string[];
  /** A live invoice for a period whose issue day has not come, neither checkout's first nor a transfer's horizon. */
  early: string[];
  /** An open invoice with no money on it, for a period the enrollment no longer covers (void, or after its end), not due before the end. */
  afterEnd: string[];
  /** E8: a period whose invoice a standing transfer voided, with no invoice of the new enrollment issued with the transfer. */
  horizonLost: string[];
  counted: { periods: number; horizon: number };
}

const monthKey = (date: string) => `${date.slice(0, 7)}-01`;
const minusDays = (date: string, days: number) => Temporal.PlainDate.from(date).subtract({ days }).toString();

/**
 * What a family sees of its invoices once the day's run has run (DESIGN.md "Billing"), from its
 * rows and the session dates the test computed itself: every live enrollment holds exactly one
 * live invoice for every period holding a date it covers whose issue day (period start − the
 * organization's days before) has come, from its first billed period on (a period older than the
 * run's catch-up window may lack one: the run leaves history alone); none twice; none early unless
 * checkout issued it (the first period) or a transfer did (E8, created in its transaction); none
 * asking for money after an end or on a cancelled enrollment unless it was due before the end.
 * E8: every period whose old invoice a standing transfer voided has the new enrollment's invoice,
 * issued in the transfer's transaction, wherever the new enrollment has a date to bill in it.
 */
export function billingFindings(
  state: FamilyState,
  o: { sessions: ReadonlyMap<string, KnownSession & { startsOn: string }>; today: string; issueDaysBefore: number; catchUpDays: number },
): BillingFindings {
  const found: BillingFindings = { missing: [], twice: [], early: [], afterEnd: [], horizonLost: [], counted: { periods: 0, horizon: 0 } };
  const windowFrom = minusDays(o.today, o.catchUpDays);
  const periodOf = (sub: Sub, date: string) => (sub.paymentPlan === 'full_session' ? o.sessions.get(sub.sessionId)!.startsOn : monthKey(date));
  const issueDay = (period: string) => minusDays(period, o.issueDaysBefore);
  for (const sub of state.subscriptions) {
    const mine = state.invoices.filter((i) => i.subscriptionId === sub.id);
    const live = mine.filter((i) => i.status !== 'void');
    const firstBilled = mine.map((i) => i.periodStart).filter((p): p is string => p !== null).sort()[0];
    const covered = new Set(coveredDates(sub, o.sessions.get(sub.sessionId)!).map((d) => periodOf(sub, d)));
    const name = `enrollment ${sub.id} (${sub.paymentPlan}, ${sub.startsOn}..${sub.endsOn ?? ''}${sub.status === 'void' ? ', void' : ''})`;
    for (const period of [...new Set(live.map((i) => i.periodStart))]) {
      const n = live.filter((i) => i.periodStart === period).length;
      if (n > 1) found.twice.push(`${name}: ${n} live invoices for ${period}`);
    }
    if (firstBilled !== undefined) {
      for (const period of covered) {
        if (period < firstBilled || issueDay(period) > o.today) continue;
        found.counted.periods++;
        const n = live.filter((i) => i.periodStart === period).length;
        // A period whose invoice was voided (by hand, or by an end the undo of a transfer took back) may stay unbilled: the run
        // bills it again only for an enrollment running within its window, which staff who voided it may not expect (reported).
        const voidedBefore = mine.some((i) => i.status === 'void' && i.periodStart === period);
        if (n === 0 && period >= windowFrom && !voidedBefore) found.missing.push(`${name}: no live invoice for ${period} (issue day ${issueDay(period)}, today ${o.today})`);
      }
    }
    for (const invoice of live) {
      const period = invoice.periodStart;
      if (period === null) continue;
      const byTransfer = state.transfers.some((t) => t.to === sub.id && t.createdAt === invoice.createdAt);
      if (issueDay(period) > o.today && period !== firstBilled && !byTransfer) {
        found.early.push(`${name}: invoice ${invoice.id} for ${period} issued on ${invoice.issuedOn}, before its issue day ${issueDay(period)}`);
      }
      const holdsMoney = invoice.paid > 0 || invoice.credited > 0;
      // An invoice due before the end was owed before the client left (a cancelled enrollment owes nothing).
      const dueBeforeEnd = sub.status === 'active' && sub.endsOn !== null && invoice.dueOn < sub.endsOn;
      if (!covered.has(period) && invoice.status === 'open' && !holdsMoney && !dueBeforeEnd) {
        found.afterEnd.push(`${name}: open invoice ${invoice.id} for ${period} (due ${invoice.dueOn}) asks ${amountDueOf(invoice)} for a period it does not cover`);
      }
    }
  }
  for (const t of state.transfers.filter((x) => x.status === 'completed')) {
    const to = state.subscriptions.find((s) => s.id === t.to)!;
    if (to.paymentPlan === 'full_session') continue;
    const target = o.sessions.get(to.sessionId)!;
    for (const voided of state.invoices.filter((i) => t.voidedInvoiceIds.includes(i.id) && i.periodStart !== null)) {
      const end = voided.periodEnd ?? Temporal.PlainDate.from(voided.periodStart!).add({ days: 1 }).toString();
      // The new enrollment's months starting within the voided period that hold a date of it (from its first date, no end yet then).
      const months = new Set(target.dates.filter((d) => d >= t.firstSessionDate).map(monthKey).filter((m) => m >= voided.periodStart! && m < end));
      for (const month of months) {
        found.counted.horizon++;
        const issued = state.invoices.some((i) => i.subscriptionId === to.id && i.periodStart === month && i.createdAt === t.createdAt);
        if (!issued) found.horizonLost.push(`transfer ${t.id}: voided ${voided.id} (${voided.periodStart}) but enrollment ${to.id} got no invoice for ${month} with it`);
      }
    }
  }
  return found;
}
