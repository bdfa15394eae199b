import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '../db/client.js';
import { staffRepository } from '../db/repositories/staff-repository.js';
import { buildOrganization, buildService, buildSession } from '../db/seed/builders.js';
import { createFreshDatabase, rows } from './support/databases.js';
import { apiFor, type Api } from './support/http.js';
import { recordFigures } from './support/report.js';
import { bulkClients, bulkSubscriptions } from './support/scenario.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';

/**
 * `kill -9` of the API server in the middle of 1,000 transfers from concurrent clients, then a
 * restart: every transfer that was answered 2xx is there whole, none is half done, and a retry
 * with the same Idempotency-Key finishes exactly the ones that were not answered.
 */
const resultsDir = inject('reliabilityResultsDir');
const TRANSFERS = 1_000;
const CLIENTS = 16;
const KILL_AFTER = 450;
const PASSWORD = 'reliability-password-123';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

interface Fixture {
  organizationId: string;
  sourceId: string;
  targetId: string;
  subscriptionIds: string[];
  email: string;
}

/** An organization with 1,000 clients in Source Tue and a roomy Target Thu, and a staff login. */
async function buildFixture(db: Database): Promise<Fixture> {
  const org = await buildOrganization(db, { timeZone: 'America/New_York' });
  const service = await buildService(db, org.id, { defaultPaymentPlan: 'monthly', defaultPrice: 8000 });
  const source = await buildSession(db, org.id, { serviceId: service.id, name: 'Source Tue', weekdays: [2], startsOn: '2027-01-05', capacity: 5_000 });
  const target = await buildSession(db, org.id, { serviceId: service.id, name: 'Target Thu', weekdays: [4], startsOn: '2027-01-07', capacity: 5_000, price: 10_000 });
  const clients = await bulkClients(db, { organizationId: org.id, count: TRANSFERS, label: 'Crash' });
  const subscriptionIds = await bulkSubscriptions(db, { organizationId: org.id, sessionId: source.id, clientIds: clients.map((c) => c.id), startsOn: '2027-01-05' });
  const email = `crash-${randomUUID().slice(0, 8)}@reliability.test`;
  await staffRepository.create(db, { organizationId: org.id, name: 'Crash Manager', email, password: PASSWORD, role: 'manager' });
  return { organizationId: org.id, sourceId: source.id, targetId: target.id, subscriptionIds, email };
}

async function signIn(server: ServerProcess, email: string): Promise<Api> {
  const response = await fetch(`${server.baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`);
  return apiFor(server.baseUrl, response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '));
}

const finishes = [
  { kind: 'pay_now', amount: 1000, method: 'cash' },
  { kind: 'pay_later' },
  { kind: 'close_now', reason: 'covered by the prepaid month' },
];
const bodyFor = (f: Fixture, i: number) => ({
  subscriptionId: f.subscriptionIds[i],
  transferDate: '2027-03-16',
  targetSessionId: f.targetId,
  finish: finishes[i % finishes.length],
});

type Outcome = { kind: 'acknowledged'; transferId: string } | { kind: 'refused'; status: number } | { kind: 'unknown' } | { kind: 'not sent' };

/** Sends the transfers from concurrent clients; after `killAfter` 2xx answers, kills the server with SIGKILL. */
async function transferUntilKilled(f: Fixture, api: Api, server: ServerProcess, keys: string[]) {
  const outcomes: Outcome[] = Array.from({ length: TRANSFERS }, () => ({ kind: 'not sent' }));
  let next = 0;
  let acknowledged = 0;
  let killed: Promise<void> | null = null;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < TRANSFERS && !killed) {
        const i = next++;
        try {
          const reply = await api.transfer(bodyFor(f, i), keys[i]);
          outcomes[i] = reply.status === 201 ? { kind: 'acknowledged', transferId: reply.body.transfer.id } : { kind: 'refused', status: reply.status };
          if (reply.status === 201 && ++acknowledged === KILL_AFTER) killed = server.kill9();
        } catch {
          outcomes[i] = { kind: 'unknown' };
        }
      }
    }),
  );
  await killed;
  return outcomes;
}

/** Half-done transfers by SQL alone: each count must be 0. */
async function halfDone(db: Database, f: Fixture) {
  const [counts] = await rows<Record<string, number>>(
    db,
    sql`select
      (select count(*) from subscriptions s where s.organization_id = ${f.organizationId} and s.session_id = ${f.sourceId}
         and (s.ends_on is not null or s.status = 'void')
         and not exists (select 1 from transfers t where t.organization_id = s.organization_id and t.from_subscription_id = s.id))::int
        as "ended without a transfer",
      (select count(*) from transfers t join subscriptions s on s.organization_id = t.organization_id and s.id = t.from_subscription_id
         where t.organization_id = ${f.organizationId} and s.ends_on is distinct from t.transfer_date)::int
        as "transfer whose old subscription did not end",
      (select count(*) from subscriptions s where s.organization_id = ${f.organizationId} and s.session_id = ${f.targetId}
         and not exists (select 1 from transfers t where t.organization_id = s.organization_id and t.to_subscription_id = s.id))::int
        as "new subscription without a transfer",
      (select count(*) from transfers t where t.organization_id = ${f.organizationId}
         and not exists (select 1 from subscriptions s where s.organization_id = t.organization_id and s.id = t.to_subscription_id
                         and s.session_id = ${f.targetId} and s.status = 'active'))::int
        as "transfer without its new subscription",
      (select count(*) from transfers t where t.organization_id = ${f.organizationId}
         and not exists (select 1 from invoices i where i.organization_id = t.organization_id and i.id = t.invoice_id
                         and i.subscription_id = t.to_subscription_id))::int
        as "transfer without its invoice",
      (select count(*) from invoices i join subscriptions s on s.organization_id = i.organization_id and s.id = i.subscription_id
         where i.organization_id = ${f.organizationId} and s.session_id = ${f.targetId}
         and not exists (select 1 from transfers t where t.organization_id = i.organization_id and t.invoice_id = i.id))::int
        as "invoice without a transfer",
      (select count(*) from transfers t where t.organization_id = ${f.organizationId}
         and (select count(*) from audit_events a where a.organization_id = t.organization_id and a.entity_id = t.id and a.action = 'transfer.completed') <> 1)::int
        as "transfer without exactly one audit event",
      (select count(*) from transfers t where t.organization_id = ${f.organizationId} and t.checkout = 'pay_now'
         and (select count(*) from payments p where p.organization_id = t.organization_id and p.invoice_id = t.invoice_id) <> 1)::int
        as "pay-now transfer without exactly one payment",
      (select count(*) from transfers t where t.organization_id = ${f.organizationId} and t.checkout = 'close_now'
         and (select count(*) from write_offs w where w.organization_id = t.organization_id and w.invoice_id = t.invoice_id) <> 1)::int
        as "close-now transfer without exactly one write-off",
      (select count(*) from idempotency_keys k where k.organization_id = ${f.organizationId} and k.response_status <> 201)::int
        as "idempotency key without its result",
      (select count(*) - count(distinct from_subscription_id) from transfers where organization_id = ${f.organizationId})::int
        as "subscription transferred twice"`,
  );
  return counts!;
}

async function transferIds(db: Database, f: Fixture): Promise<Set<string>> {
  return new Set((await rows<{ id: string }>(db, sql`select id from transfers where organization_id = ${f.organizationId}`)).map((r) => r.id));
}

const zeroes = (counts: Record<string, number>) => Object.fromEntries(Object.keys(counts).map((k) => [k, 0]));

/** Retries every transfer that was in flight at the kill, with its own key; returns how many the server had already done. */
async function retryUnanswered(f: Fixture, api: Api, keys: string[], outcomes: Outcome[]) {
  const pending = outcomes.flatMap((o, i) => (o.kind === 'unknown' ? [i] : []));
  let replayed = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < pending.length) {
        const i = pending[next++]!;
        const reply = await fetch(`${api.baseUrl}/api/transfers`, {
          method: 'POST',
          headers: { cookie: api.cookie!, 'content-type': 'application/json', 'idempotency-key': keys[i]! },
          body: JSON.stringify(bodyFor(f, i)),
        });
        expect({ i, status: reply.status }).toEqual({ i, status: 201 });
        if (reply.headers.get('idempotent-replayed') === 'true') replayed++;
        await reply.arrayBuffer();
      }
    }),
  );
  return { retried: pending.length, replayed };
}

function summary(outcomes: Outcome[]) {
  const count = (kind: Outcome['kind']) => outcomes.filter((o) => o.kind === kind).length;
  return { acknowledged: count('acknowledged'), refused: count('refused'), unknown: count('unknown'), notSent: count('not sent') };
}

describe('a server killed with SIGKILL in the middle of 1,000 transfers', () => {
  it('on the PostgreSQL server: every answered transfer is whole after a restart, none is half done', async () => {
    const started = Date.now();
    let found = '';
    let load = `${TRANSFERS} transfers from ${CLIENTS} concurrent clients, kill -9 after ${KILL_AFTER} answers`;
    try {
      const database = await createFreshDatabase('crash');
      cleanups.push(() => database.drop());
      const f = await buildFixture(database.db);
      const keys = f.subscriptionIds.map(() => randomUUID());
      const first = await startServerProcess({ databaseUrl: database.url, tz: 'Europe/Berlin' });
      cleanups.push(() => first.stop());
      const outcomes = await transferUntilKilled(f, await signIn(first, f.email), first, keys);
      const sent = summary(outcomes);
      expect(sent.refused).toBe(0);

      const second = await startServerProcess({ databaseUrl: database.url, tz: 'Europe/Berlin' });
      cleanups.push(() => second.stop());
      const afterCrash = await halfDone(database.db, f);
      expect(afterCrash).toEqual(zeroes(afterCrash));
      const committed = await transferIds(database.db, f);
      const acknowledgedIds = outcomes.flatMap((o) => (o.kind === 'acknowledged' ? [o.transferId] : []));
      expect(acknowledgedIds.filter((id) => !committed.has(id))).toEqual([]);

      const { retried, replayed } = await retryUnanswered(f, await signIn(second, f.email), keys, outcomes);
      const afterRetry = await halfDone(database.db, f);
      expect(afterRetry).toEqual(zeroes(afterRetry));
      expect((await transferIds(database.db, f)).size).toBe(sent.acknowledged + sent.unknown);
      load = `${TRANSFERS} transfers (pay now, pay later, close now) from ${CLIENTS} concurrent clients; kill -9 after ${sent.acknowledged} answers`;
      found =
        `at the kill: ${sent.acknowledged} answered 201, ${sent.unknown} in flight without an answer, ${sent.notSent} not sent; ` +
        `after restart ${committed.size} transfers in SQL, all ${sent.acknowledged} answered ones whole, 0 half done on 11 SQL checks; ` +
        `retrying the ${retried} in flight with their keys: ${replayed} were already done (replayed), ${retried - replayed} ran; ${sent.acknowledged + retried} transfers in the end, each once`;
    } finally {
      recordFigures(resultsDir, {
        order: '4a',
        test: 'Crash: kill -9 of the server process mid-load, restart (PostgreSQL server)',
        load,
        found: found || 'failed (see the test output)',
        fixed: 'nothing needed: one transaction per transfer',
        seconds: Math.round((Date.now() - started) / 1000),
        passed: found !== '',
      });
    }
  });

  it('on the embedded engine (PGlite DATA_DIR): the same', async () => {
    const started = Date.now();
    let found = '';
    let load = `${TRANSFERS} transfers from ${CLIENTS} concurrent clients, kill -9 after ${KILL_AFTER} answers`;
    const dataDir = mkdtempSync(join(tmpdir(), 'reliability-crash-pglite-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    /** Opens the data directory in this process (only while no server runs on it). */
    const inspect = async <T>(action: (db: Database) => Promise<T>): Promise<T> => {
      const handle = await openDatabase({ dataDir });
      try {
        return await action(handle.db);
      } finally {
        await handle.close();
      }
    };
    try {
      const f = await inspect(async (db) => {
        const { migrate } = await import('drizzle-orm/pglite/migrator');
        await migrate(db as never, { migrationsFolder: 'src/db/migrations' });
        return buildFixture(db);
      });
      const keys = f.subscriptionIds.map(() => randomUUID());
      const first = await startServerProcess({ dataDir, tz: 'Australia/Sydney' });
      cleanups.push(() => first.stop());
      const outcomes = await transferUntilKilled(f, await signIn(first, f.email), first, keys);
      const sent = summary(outcomes);
      expect(sent.refused).toBe(0);

      // The restart must recover the directory; then the rows are read with no server on it.
      const second = await startServerProcess({ dataDir, tz: 'Australia/Sydney' });
      expect(await second.stop()).toBe(0);
      const { afterCrash, committed } = await inspect(async (db) => ({ afterCrash: await halfDone(db, f), committed: await transferIds(db, f) }));
      expect(afterCrash).toEqual(zeroes(afterCrash));
      const acknowledgedIds = outcomes.flatMap((o) => (o.kind === 'acknowledged' ? [o.transferId] : []));
      expect(acknowledgedIds.filter((id) => !committed.has(id))).toEqual([]);

      const third = await startServerProcess({ dataDir, tz: 'Australia/Sydney' });
      cleanups.push(() => third.stop());
      const { retried, replayed } = await retryUnanswered(f, await signIn(third, f.email), keys, outcomes);
      expect(await third.stop()).toBe(0);
      const { afterRetry, total } = await inspect(async (db) => ({ afterRetry: await halfDone(db, f), total: (await transferIds(db, f)).size }));
      expect(afterRetry).toEqual(zeroes(afterRetry));
      expect(total).toBe(sent.acknowledged + sent.unknown);
      load = `${TRANSFERS} transfers from ${CLIENTS} concurrent clients on one embedded database; kill -9 after ${sent.acknowledged} answers`;
      found =
        `at the kill: ${sent.acknowledged} answered 201, ${sent.unknown} in flight, ${sent.notSent} not sent; the restart recovered the directory; ` +
        `${committed.size} transfers in SQL, all answered ones whole, 0 half done on 11 SQL checks; ` +
        `retrying the ${retried} in flight: ${replayed} replayed, ${retried - replayed} ran; ${sent.acknowledged + retried} transfers in the end, each once`;
    } finally {
      recordFigures(resultsDir, {
        order: '4b',
        test: 'Crash: kill -9 of the server process mid-load, restart (embedded PGlite data directory)',
        load,
        found: found || 'failed (see the test output)',
        fixed: 'nothing needed',
        seconds: Math.round((Date.now() - started) / 1000),
        passed: found !== '',
      });
    }
  });
});
