import { cpus } from 'node:os';
import type pg from 'pg';
import { sequential, summarize, type HttpClient, type LatencySummary } from './load.js';
import { writeDocSection } from './report.js';

/**
 * The header search (`GET /api/search?q=`) on the largest organization, as the front desk types
 * into it: a child's first name, a parent's full name, part of a parent's email, the last four
 * digits of a phone, a family name, and a name typed without its accent. Each kind is asked in
 * turn, with different people, so no answer is simply the one before it.
 */
export interface SearchResult {
  all: LatencySummary;
  byKind: Record<string, LatencySummary>;
  /** How many people each kind's first query found (0 would mean the query was not a real one). */
  found: Record<string, number>;
}

type Kind = 'child first name' | 'parent full name' | 'email part' | 'phone last 4 digits' | 'family name' | 'name without accent';

/** Up to `n` of each kind of query, taken from the organization's own people (the same ones in every run). */
export async function chooseSearchQueries(pool: pg.Pool, organizationId: string, n: number): Promise<{ kind: Kind; q: string }[]> {
  const column = async (query: string) => (await pool.query(query, [organizationId, n])).rows.map((row) => String(row.q));
  const byKind: Record<Kind, string[]> = {
    'child first name': await column(`select first_name as q from clients where organization_id = $1 order by id limit $2`),
    'parent full name': await column(`select name as q from guardians where organization_id = $1 order by id limit $2`),
    // The address before the @ (maya.patel.1a2b3c of maya.patel.1a2b3c@example.com), as read off an email.
    'email part': await column(`select split_part(email, '@', 1) as q from guardians where organization_id = $1 and email is not null order by id desc limit $2`),
    'phone last 4 digits': await column(`select right(phone, 4) as q from guardians where organization_id = $1 and phone is not null order by id limit $2`),
    'family name': await column(`select name as q from families where organization_id = $1 order by id desc limit $2`),
    // "zoe" for Zoë, "jose" for José: whatever accented names there are, typed plainly.
    'name without accent': (
      await pool.query(
        `select distinct first_name from clients where organization_id = $1 and first_name <> unaccent(first_name) order by first_name limit $2`,
        [organizationId, n],
      )
    ).rows.map((row) => String(row.first_name).normalize('NFD').replace(/\p{Diacritic}/gu, '')),
  };
  return (Object.entries(byKind) as [Kind, string[]][]).flatMap(([kind, qs]) => qs.map((q) => ({ kind, q })));
}

export async function benchSearch(o: { http: HttpClient; pool: pg.Pool; organizationId: string; cookie: string; iterations: number; maxMs: number }): Promise<SearchResult> {
  const queries = await chooseSearchQueries(o.pool, o.organizationId, 20);
  const ask = async (q: string) => {
    const response = await o.http.send('GET', `/api/search?q=${encodeURIComponent(q)}`, { cookie: o.cookie });
    if (response.status !== 200) throw new Error(`GET /api/search?q=${q} answered ${response.status}: ${response.body}`);
    const body = JSON.parse(response.body) as { clients: unknown[]; guardians: unknown[]; families: unknown[] };
    return body.clients.length + body.guardians.length + body.families.length;
  };
  const found: Record<string, number> = {};
  for (const { kind, q } of queries) found[kind] ??= await ask(q);
  // Warm-up: every query once, unmeasured.
  for (const { q } of queries) await ask(q);
  const latencies = new Map<string, number[]>();
  let next = 0;
  const all = await sequential({
    warmup: 0,
    iterations: o.iterations,
    maxMs: o.maxMs,
    run: async () => {
      const { kind, q } = queries[next++ % queries.length]!;
      const started = performance.now();
      await ask(q);
      latencies.set(kind, [...(latencies.get(kind) ?? []), performance.now() - started]);
    },
  });
  return { all, byKind: Object.fromEntries([...latencies].map(([kind, values]) => [kind, summarize(values)])), found };
}

export function writeSearchSection(r: SearchResult, o: { startedAt: string; loadAverage: number; organization: string }) {
  const ms = (x: number) => x.toFixed(x < 10 ? 2 : 1);
  writeDocSection('search', [
    '## Header search on the largest organization',
    '',
    `Measured ${o.startedAt} by \`npm run bench\` (alone: \`npm run bench -- --only search\`; \`scripts/bench/search.ts\`), load average`,
    `${o.loadAverage.toFixed(1)} on ${cpus().length} cores: \`GET /api/search?q=\` in ${o.organization} (at scale 1: 82,580 clients with their`,
    `guardians and families), signed in as its manager, one request at a time, ${r.all.count} requests cycling through 20 queries of each kind below.`,
    '',
    `**p50 ${ms(r.all.p50)} ms**, p90 ${ms(r.all.p90)} ms, p99 ${ms(r.all.p99)} ms over all of them.`,
    '',
    '| query typed | p50 | p90 | found by the first query |',
    '|---|---|---|---|',
    ...Object.entries(r.byKind).map(([kind, s]) => `| ${kind} | ${ms(s.p50)} ms | ${ms(s.p90)} ms | ${r.found[kind]} |`),
    '',
    'Each kind is answered from a trigram index over the accent-free lower-case text (migration 0007), not a table scan:',
    'clients by name, guardians by name, email or phone digits, families by name, at most 8 of each.',
  ]);
}
