import type pg from 'pg';
import { Temporal } from 'temporal-polyfill';
import type { ClientProfileDto } from '../../src/contracts/client-profile.js';
import type { RosterDto } from '../../src/contracts/roster.js';
import type { ScheduleDto } from '../../src/contracts/schedule.js';
import { sessionScheduleOf } from '../../src/db/repositories/session-schedule-mapper.js';
import { firstRealSessionDateOnOrAfter } from '../../src/domain/schedule/session-dates.js';
import { measureCpu, type CpuSpent } from './cpu.js';
import { sequential, type HttpClient, type LatencySummary } from './load.js';
import type { CpuProbe } from './transfers.js';
import { RAW_PROFILE, RAW_ROSTER, RAW_SCHEDULE } from './raw-queries.js';

export interface ReadTargets {
  organizationId: string;
  historyYears: number;
  timeZone: string;
  cookie: string;
  week: { from: string; to: string };
  roster: { sessionId: string; sessionName: string; date: string };
  profile: { clientId: string };
}

export interface ReadResult {
  api: LatencySummary;
  raw: LatencySummary;
  /** CPU per request (ms): the API server and the database for the endpoint, the database for the raw query. */
  cpu?: { api: CpuSpent; raw: CpuSpent };
  rows: number;
  rawRows: number;
  bytes: number;
}

const text = (value: unknown) => String(value);

/** Monday to Monday of the week containing today, in the organization's zone. */
export function currentWeek(today: Temporal.PlainDate) {
  const from = today.subtract({ days: today.dayOfWeek - 1 });
  return { from: from.toString(), to: from.add({ days: 7 }).toString() };
}

/**
 * What the read benchmarks ask for, chosen alike in both organizations so that only the
 * amount of history differs: the same open-ended session (by name) on its next date, with
 * rosters of similar size, and a client of the same shape (one family member, one monthly
 * enrollment that began five to seven months ago).
 */
export async function chooseReadTargets(
  pool: pg.Pool,
  o: { large: { id: string; cookie: string }; control: { id: string; cookie: string }; today: Temporal.PlainDate; timeZone: string },
): Promise<{ large: ReadTargets; control: ReadTargets }> {
  const today = o.today.toString();
  const candidates = await pool.query(
    `select a.id as a_id, b.id as b_id, a.name, a.weekdays, a.start_time::text as start_time, a.duration_minutes,
            a.starts_on::text as a_starts, b.starts_on::text as b_starts
     from sessions a
     join sessions b on b.organization_id = $2 and b.name = a.name and b.ends_on is null and b.starts_on <= $3::date
     where a.organization_id = $1 and a.ends_on is null and a.starts_on <= $3::date - interval '9 years' and a.capacity >= 18
     order by a.name, a.id`,
    [o.large.id, o.control.id, today],
  );
  const exceptions = async (sessionId: string, organizationId: string) =>
    (
      await pool.query(
        `select kind, date::text as date, to_date::text as "toDate", to_start_time::text as "toStartTime", reason
         from session_date_exceptions where organization_id = $1 and session_id = $2`,
        [organizationId, sessionId],
      )
    ).rows;
  const rosterSize = async (organizationId: string, sessionId: string, date: string) =>
    Number(
      (
        await pool.query(
          `select count(*) from subscriptions where organization_id = $1 and session_id = $2 and status = 'active'
           and starts_on <= $3::date and (ends_on is null or ends_on > $3::date)`,
          [organizationId, sessionId, date],
        )
      ).rows[0].count,
    );
  let best: { a: string; b: string; name: string; date: string; score: number } | null = null;
  const seen = new Set<string>();
  for (const row of candidates.rows) {
    if (seen.has(row.a_id) || seen.has(row.b_id)) continue;
    seen.add(row.a_id);
    seen.add(row.b_id);
    const schedule = sessionScheduleOf({
      session: { weekdays: row.weekdays, startTime: row.start_time, durationMinutes: row.duration_minutes, startsOn: row.a_starts, endsOn: null },
      exceptions: await exceptions(row.a_id, o.large.id),
      timeZone: o.timeZone,
    });
    const date = firstRealSessionDateOnOrAfter({ ...schedule, date: o.today })?.toString();
    if (!date) continue;
    const [a, b] = [await rosterSize(o.large.id, row.a_id, date), await rosterSize(o.control.id, row.b_id, date)];
    const score = Math.min(a, b) - 2 * Math.abs(a - b);
    if (!best || score > best.score) best = { a: row.a_id, b: row.b_id, name: row.name, date, score };
  }
  if (!best) throw new Error('No session runs in both large organizations; was the large seed loaded?');

  const client = async (organizationId: string) => {
    const result = await pool.query(
      `select c.id from clients c
       join subscriptions s on s.organization_id = c.organization_id and s.client_id = c.id
       join sessions se on se.organization_id = s.organization_id and se.id = s.session_id
       where c.organization_id = $1 and s.ends_on is null and se.ends_on is null and se.payment_plan = 'monthly'
         and s.starts_on between $2::date - 210 and $2::date - 150
         and (select count(*) from subscriptions x where x.organization_id = c.organization_id and x.client_id = c.id) = 1
         and (select count(*) from clients y where y.organization_id = c.organization_id and y.family_id = c.family_id) = 1
       order by c.id limit 1`,
      [organizationId, today],
    );
    if (!result.rows[0]) throw new Error('No client of the wanted shape in the large seed.');
    return text(result.rows[0].id);
  };
  const week = currentWeek(o.today);
  const targets = async (side: { id: string; cookie: string }, sessionId: string, historyYears: number): Promise<ReadTargets> => ({
    organizationId: side.id,
    historyYears,
    timeZone: o.timeZone,
    cookie: side.cookie,
    week,
    roster: { sessionId, sessionName: best.name, date: best.date },
    profile: { clientId: await client(side.id) },
  });
  return { large: await targets(o.large, best.a, 10), control: await targets(o.control, best.b, 1) };
}

/** The client of the large organization with the longest billing history: the profile's worst case. */
export async function longestHistoryClient(pool: pg.Pool, organizationId: string): Promise<{ clientId: string; invoices: number }> {
  const { rows } = await pool.query(
    `select c.id, count(*) as invoices from clients c
     join invoices i on i.organization_id = c.organization_id and i.family_id = c.family_id
     where c.organization_id = $1
       and exists (select 1 from subscriptions s where s.organization_id = c.organization_id and s.client_id = c.id and s.ends_on is null)
     group by c.id order by count(*) desc, c.id limit 1`,
    [organizationId],
  );
  return { clientId: text(rows[0].id), invoices: Number(rows[0].invoices) };
}

type ReadKind = 'schedule' | 'roster' | 'profile';

function requestFor(kind: ReadKind, t: ReadTargets, clientId?: string): string {
  switch (kind) {
    case 'schedule':
      return `/api/schedule?from=${t.week.from}&to=${t.week.to}`;
    case 'roster':
      return `/api/sessions/${t.roster.sessionId}/roster?date=${t.roster.date}`;
    case 'profile':
      return `/api/clients/${clientId ?? t.profile.clientId}/profile`;
  }
}

function rawFor(kind: ReadKind, t: ReadTargets, clientId?: string): [string, unknown[]] {
  switch (kind) {
    case 'schedule':
      return [RAW_SCHEDULE, [t.organizationId, t.week.from, t.week.to, t.timeZone]];
    case 'roster':
      return [RAW_ROSTER, [t.organizationId, t.roster.sessionId, t.roster.date]];
    case 'profile':
      return [RAW_PROFILE, [t.organizationId, clientId ?? t.profile.clientId]];
  }
}

function rowsOf(kind: ReadKind, body: unknown): number {
  switch (kind) {
    case 'schedule':
      return (body as ScheduleDto).entries.length;
    case 'roster':
      return (body as RosterDto).clients.length;
    case 'profile':
      return (body as ClientProfileDto).invoices.length;
  }
}

/** Sends a read's request `count` times without measuring: the server's code is compiled hot before either organization is measured. */
export async function warmRead(o: { http: HttpClient; kind: ReadKind; targets: ReadTargets; count: number }) {
  const path = requestFor(o.kind, o.targets);
  for (let i = 0; i < o.count; i++) await o.http.send('GET', path, { cookie: o.targets.cookie });
}

/**
 * One read, measured one request at a time (latency, not throughput): the endpoint over
 * HTTP, then its raw query over one pg connection. Also checks both return as many rows,
 * and with a probe counts the CPU each request costs the server and the database.
 */
export async function benchRead(o: {
  http: HttpClient;
  sql: pg.Client;
  kind: ReadKind;
  targets: ReadTargets;
  clientId?: string;
  iterations: number;
  maxMs: number;
  /** Requests sent first and not measured (default 5). */
  warmup?: number;
  cpu?: CpuProbe;
}): Promise<ReadResult> {
  const warmup = o.warmup ?? 5;
  const path = requestFor(o.kind, o.targets, o.clientId);
  const headers = { cookie: o.targets.cookie };
  const first = await o.http.send('GET', path, headers);
  if (first.status !== 200) throw new Error(`GET ${path} answered ${first.status}: ${first.body.slice(0, 500)}`);
  const rows = rowsOf(o.kind, JSON.parse(first.body));
  const [query, params] = rawFor(o.kind, o.targets, o.clientId);
  const named = { name: `raw-${o.kind}`, text: query, values: params };
  const firstRaw = await o.sql.query(named);
  const rawRows = o.kind === 'profile' ? firstRaw.rows[0].profile.invoices.length : (firstRaw.rowCount ?? 0);
  const callApi = async () => {
    const response = await o.http.send('GET', path, headers);
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
  };
  const callRaw = async () => void (await o.sql.query(named));
  const timed = async (call: () => Promise<void>, serverPid?: number) => {
    for (let i = 0; i < warmup; i++) await call();
    const work = () => sequential({ warmup: 0, iterations: o.iterations, maxMs: o.maxMs, run: call });
    if (!o.cpu) return { latency: await work() };
    const { result, cpu } = await measureCpu({ ...o.cpu, ...(serverPid ? { serverPid } : { serverPid: undefined }), work, operations: (r) => r.count });
    return { latency: result, cpu };
  };
  const api = await timed(callApi, o.cpu?.serverPid);
  const raw = await timed(callRaw);
  return {
    api: api.latency,
    raw: raw.latency,
    ...(api.cpu && raw.cpu ? { cpu: { api: api.cpu, raw: raw.cpu } } : {}),
    rows,
    rawRows,
    bytes: Buffer.byteLength(first.body),
  };
}

/** An authenticated request that does nothing else (GET /api/me): what every API request pays before its own work. */
export async function benchAuthenticatedNoop(o: { http: HttpClient; cookie: string; iterations: number; maxMs: number; cpu?: CpuProbe }) {
  const call = async () => {
    const response = await o.http.send('GET', '/api/me', { cookie: o.cookie });
    if (response.status !== 200) throw new Error(`GET /api/me answered ${response.status}`);
  };
  for (let i = 0; i < 5; i++) await call();
  const work = () => sequential({ warmup: 0, iterations: o.iterations, maxMs: o.maxMs, run: call });
  if (!o.cpu) return { latency: await work() };
  const { result, cpu } = await measureCpu({ ...o.cpu, work, operations: (r) => r.count });
  return { latency: result, cpu };
}
