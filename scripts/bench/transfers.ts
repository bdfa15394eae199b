import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { Temporal } from 'temporal-polyfill';
import { sessionScheduleOf } from '../../src/db/repositories/session-schedule-mapper.js';
import { createRandom } from '../../src/db/seed/deterministic.js';
import { firstRealSessionDateOnOrAfter, type SessionSchedule } from '../../src/domain/schedule/session-dates.js';
import { measureCpu, type CpuSpent } from './cpu.js';
import { closedLoop, summarize, type HttpClient, type LatencySummary } from './load.js';

export interface PlannedTransfer {
  subscriptionId: string;
  clientId: string;
  familyId: string;
  transferDate: string;
  targetSessionId: string;
  firstSessionDate: string;
  targetPrice: number;
}

export interface ThroughputResult {
  /** CPU per operation (ms) by process, when measured. */
  cpu?: CpuSpent;
  concurrency: number;
  completed: number;
  failures: number;
  perSecond: number;
  latency: LatencySummary;
  elapsedMs: number;
  firstFailure?: string;
}

/**
 * Transfers the benchmark can make in the large organization without one refusal: each
 * from a client's only ongoing enrollment in an open-ended monthly session, on its next
 * date, into another session of the same service that still has a seat for every
 * transfer sent to it (free seats counted against every current and future enrollment),
 * targets taken in turn so that concurrent transfers rarely queue on one session's lock.
 */
export async function planTransfers(
  pool: pg.Pool,
  o: { organizationId: string; today: Temporal.PlainDate; timeZone: string; http: number; floor: number },
): Promise<{ http: PlannedTransfer[]; floor: PlannedTransfer[] }> {
  const today = o.today.toString();
  const sessions = (
    await pool.query(
      `select se.id, se.service_id, se.weekdays, se.start_time::text as start_time, se.duration_minutes, se.starts_on::text as starts_on,
              se.capacity, se.price,
              se.capacity - (select count(*) from subscriptions x where x.organization_id = se.organization_id and x.session_id = se.id
                             and x.status = 'active' and (x.ends_on is null or x.ends_on > $2::date))::int as free
       from sessions se
       where se.organization_id = $1 and se.ends_on is null and se.payment_plan = 'monthly' and se.starts_on <= $2::date
       order by se.id`,
      [o.organizationId, today],
    )
  ).rows;
  const exceptions = (
    await pool.query(
      `select session_id, kind, date::text as date, to_date::text as "toDate", to_start_time::text as "toStartTime", reason
       from session_date_exceptions where organization_id = $1 and session_id = any($2::uuid[])`,
      [o.organizationId, sessions.map((s) => s.id)],
    )
  ).rows;
  const schedules = new Map<string, SessionSchedule>(
    sessions.map((s) => [
      s.id,
      sessionScheduleOf({
        session: { weekdays: s.weekdays, startTime: s.start_time, durationMinutes: s.duration_minutes, startsOn: s.starts_on, endsOn: null },
        exceptions: exceptions.filter((e) => e.session_id === s.id),
        timeZone: o.timeZone,
      }),
    ]),
  );
  const next = (sessionId: string, date: Temporal.PlainDate) => firstRealSessionDateOnOrAfter({ ...schedules.get(sessionId)!, date });
  const sources = (
    await pool.query(
      `select s.id, s.client_id, c.family_id, s.session_id, se.service_id, s.starts_on::text as starts_on
       from subscriptions s
       join sessions se on se.organization_id = s.organization_id and se.id = s.session_id
       join clients c on c.organization_id = s.organization_id and c.id = s.client_id
       where s.organization_id = $1 and s.status = 'active' and s.ends_on is null and s.starts_on <= $2::date
         and se.ends_on is null and se.payment_plan = 'monthly'
         and (select count(*) from subscriptions x where x.organization_id = s.organization_id and x.client_id = s.client_id
              and x.status = 'active' and (x.ends_on is null or x.ends_on > $2::date)) = 1
       order by s.id`,
      [o.organizationId, today],
    )
  ).rows;
  const order = createRandom('bench:transfers').shuffle(sources);
  const byService = new Map<string, { id: string; free: number; price: number }[]>();
  for (const s of sessions) {
    const list = byService.get(s.service_id) ?? [];
    list.push({ id: s.id, free: Math.max(0, s.free - 1), price: s.price });
    byService.set(s.service_id, list);
  }
  const turn = new Map<string, number>();
  const http: PlannedTransfer[] = [];
  const floor: PlannedTransfer[] = [];
  // Every third source goes to the floor (which checks no capacity, so needs no seat).
  for (const [index, source] of order.entries()) {
    if (http.length >= o.http && floor.length >= o.floor) break;
    const wantHttp = index % 3 !== 2 && http.length < o.http;
    if (!wantHttp && floor.length >= o.floor) continue;
    const transferDate = next(source.session_id, o.today);
    const targets = byService.get(source.service_id) ?? [];
    // Ending on the first date would cancel the enrollment instead: not the transfer measured here.
    if (!transferDate || transferDate.toString() <= source.starts_on || targets.length < 2) continue;
    let target: { id: string; free: number; price: number } | undefined;
    for (let tries = 0; tries < targets.length && !target; tries++) {
      const i = (turn.get(source.service_id) ?? 0) % targets.length;
      turn.set(source.service_id, i + 1);
      const candidate = targets[i]!;
      if (candidate.id !== source.session_id && (!wantHttp || candidate.free > 0)) target = candidate;
    }
    if (!target) continue;
    const first = next(target.id, transferDate);
    if (!first) continue;
    if (wantHttp) target.free--;
    (wantHttp ? http : floor).push({
      subscriptionId: source.id,
      clientId: source.client_id,
      familyId: source.family_id,
      transferDate: transferDate.toString(),
      targetSessionId: target.id,
      firstSessionDate: first.toString(),
      targetPrice: target.price,
    });
  }
  return { http, floor };
}

/** Where CPU is counted: the database's backends, and the API server's process when there is one. */
export interface CpuProbe {
  admin: pg.Client;
  database: string;
  serverPid?: number;
}

async function measured(
  probe: CpuProbe | undefined,
  work: () => Promise<{ latencies: number[]; failures: number; elapsedMs: number }>,
): Promise<{ run: { latencies: number[]; failures: number; elapsedMs: number }; cpu?: CpuSpent }> {
  if (!probe) return { run: await work() };
  const { result, cpu } = await measureCpu({ ...probe, work, operations: (r) => r.latencies.length });
  return { run: result, cpu };
}

function throughput(run: { latencies: number[]; failures: number; elapsedMs: number }, concurrency: number, firstFailure?: string): ThroughputResult {
  return {
    concurrency,
    completed: run.latencies.length,
    failures: run.failures,
    perSecond: (run.latencies.length / run.elapsedMs) * 1000,
    latency: summarize(run.latencies),
    elapsedMs: run.elapsedMs,
    ...(firstFailure ? { firstFailure } : {}),
  };
}

/** POST /api/transfers (pay now: $1.00 of the invoice by card, the rest stays open) with a fresh Idempotency-Key each. */
export async function benchTransfersOverHttp(o: {
  http: HttpClient;
  cookie: string;
  origin: string;
  transfers: PlannedTransfer[];
  concurrency: number;
  warmup: number;
  maxDurationMs: number;
  cpu?: CpuProbe;
}): Promise<ThroughputResult & { sampleBody: string }> {
  let firstFailure: string | undefined;
  let sampleBody = '';
  const run = async (t: PlannedTransfer) => {
    const response = await o.http.send(
      'POST',
      '/api/transfers',
      { cookie: o.cookie, origin: o.origin, 'idempotency-key': randomUUID() },
      JSON.stringify({
        subscriptionId: t.subscriptionId,
        transferDate: t.transferDate,
        targetSessionId: t.targetSessionId,
        reason: 'bench',
        finish: { kind: 'pay_now', amount: 100, method: 'card', reference: 'bench' },
      }),
    );
    if (response.status === 201) {
      sampleBody ||= response.body;
      return true;
    }
    firstFailure ??= `${response.status} ${response.body.slice(0, 400)}`;
    return false;
  };
  // The warm-up runs at full concurrency too, so every connection the run uses is open (and counted) before it.
  await closedLoop({ concurrency: o.concurrency, jobs: o.transfers.slice(0, o.warmup), run });
  const { run: result, cpu } = await measured(o.cpu, () =>
    closedLoop({ concurrency: o.concurrency, jobs: o.transfers.slice(o.warmup), run, maxDurationMs: o.maxDurationMs }),
  );
  return { ...throughput(result, o.concurrency, firstFailure), ...(cpu ? { cpu } : {}), sampleBody };
}

/**
 * The floor: the rows one transfer writes (idempotency key with its stored response, the
 * old subscription ended and its open invoices due after the end voided, the new
 * subscription, its invoice, line and payment, the transfer, the audit event), with the
 * same row locks, in one statement (one round trip, one commit) from a prepared plan.
 * No application can write a transfer with less work.
 */
export const FLOOR_TRANSFER = `
with claim as (
  insert into idempotency_keys (organization_id, key, request_hash, response_status, response_body)
  values ($1, $2, $3, 201, $4::jsonb) returning key
), old as (
  select id from subscriptions where organization_id = $1 and id = $5 for update
), target as (
  select id from sessions where organization_id = $1 and id = $6 for update
), ended as (
  update subscriptions set ends_on = $7::date where organization_id = $1 and id = (select id from old) returning id
), voided as (
  update invoices set status = 'void', status_before_void = 'open'
  where organization_id = $1 and subscription_id = $5 and status = 'open' and due_on >= $7::date returning id
), new_subscription as (
  insert into subscriptions (organization_id, id, client_id, session_id, starts_on, payment_plan, price_snapshot)
  values ($1, $8, $9, (select id from target), $10::date, 'monthly', $11) returning id
), invoice as (
  insert into invoices (organization_id, id, family_id, subscription_id, status, issued_on, due_on, subtotal, total)
  values ($1, $12, $13, (select id from new_subscription), 'open', $14::date, $10::date, $11, $11) returning id
), line as (
  insert into invoice_lines (organization_id, invoice_id, subscription_id, description, period_start, period_end, unit_amount, amount)
  values ($1, (select id from invoice), $8, 'bench floor', $10::date, ($10::date + 30), $11, $11)
), payment as (
  insert into payments (organization_id, invoice_id, family_id, amount, method, reference)
  values ($1, (select id from invoice), $13, 100, 'card', 'bench')
), transfer as (
  insert into transfers (organization_id, id, client_id, from_subscription_id, to_subscription_id, transfer_date, reason, checkout, invoice_id, voided_invoice_ids)
  values ($1, $15, $9, (select id from ended), (select id from new_subscription), $7::date, 'bench', 'pay_now', (select id from invoice),
          coalesce((select array_agg(id) from voided), '{}'))
)
insert into audit_events (organization_id, actor_role, action, entity_type, entity_id, client_id, before, after)
values ($1, 'manager', 'transfer.completed', 'transfer', $15, $9, '{}'::jsonb, $4::jsonb)`;

export async function benchTransferFloor(o: {
  pool: pg.Pool;
  organizationId: string;
  today: string;
  transfers: PlannedTransfer[];
  responseBody: string;
  concurrency: number;
  warmup: number;
  maxDurationMs: number;
  cpu?: CpuProbe;
}): Promise<ThroughputResult> {
  let firstFailure: string | undefined;
  const run = async (t: PlannedTransfer) => {
    try {
      await o.pool.query({
        name: 'floor-transfer',
        text: FLOOR_TRANSFER,
        values: [
          o.organizationId,
          randomUUID(),
          'floor',
          o.responseBody,
          t.subscriptionId,
          t.targetSessionId,
          t.transferDate,
          randomUUID(),
          t.clientId,
          t.firstSessionDate,
          t.targetPrice,
          randomUUID(),
          t.familyId,
          o.today,
          randomUUID(),
        ],
      });
      return true;
    } catch (error) {
      firstFailure ??= (error as Error).message;
      return false;
    }
  };
  await closedLoop({ concurrency: o.concurrency, jobs: o.transfers.slice(0, o.warmup), run });
  const { run: result, cpu } = await measured(o.cpu, () =>
    closedLoop({ concurrency: o.concurrency, jobs: o.transfers.slice(o.warmup), run, maxDurationMs: o.maxDurationMs }),
  );
  return { ...throughput(result, o.concurrency, firstFailure), ...(cpu ? { cpu } : {}) };
}

/** The framework ceiling: GET /hello on a bare Fastify, at the same concurrency (and one at a time, for latency). */
export async function benchHello(o: { http: HttpClient; concurrency: number; durationMs: number }): Promise<ThroughputResult & { sequential: LatencySummary }> {
  const jobs = new Array<number>(1_000_000).fill(0);
  const run = async () => (await o.http.send('GET', '/hello')).status === 200;
  await closedLoop({ concurrency: o.concurrency, jobs, run, maxDurationMs: 1000 });
  const loaded = throughput(await closedLoop({ concurrency: o.concurrency, jobs, run, maxDurationMs: o.durationMs }), o.concurrency);
  const alone = await closedLoop({ concurrency: 1, jobs, run, maxDurationMs: 2000 });
  return { ...loaded, sequential: summarize(alone.latencies) };
}
