import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { faultInjection } from '../db/fault-injection.js';
import { buildClient, buildSubscription } from '../db/seed/builders.js';
import { buildE1Scenario, e1Request, type E1Scenario } from '../server/testing/e1-scenario.js';
import { createFreshDatabase, dumpOrganizations, type FreshDatabase } from './support/databases.js';
import { apiFor, logIn, type Api, type Reply } from './support/http.js';
import { startInProcessServer } from './support/in-process.js';
import { recordFigures } from './support/report.js';

/**
 * A fault injected before each write step of a use case (src/db/fault-injection.ts, armed only
 * here): the request fails with a 500 problem and the organization's rows are exactly as before.
 */
let database: FreshDatabase;
let server: Awaited<ReturnType<typeof startInProcessServer>>;
const resultsDir = inject('reliabilityResultsDir');

beforeAll(async () => {
  database = await createFreshDatabase('atomicity');
  server = await startInProcessServer(database.db);
});
afterAll(async () => {
  faultInjection.disarm();
  await server?.close();
  await database?.drop();
});

interface UseCase {
  name: string;
  /** Builds what the request needs in a new organization; returns the request to send. */
  prepare(s: E1Scenario, api: Api): Promise<() => Promise<Reply>>;
}

const credit = { kind: 'amount', amount: 4800, reason: 'Credit for unused March sessions' };

const useCases: UseCase[] = [
  {
    name: 'transfer, pay now with a discount',
    prepare: async (s, api) => () => api.transfer({ ...e1Request(s), discounts: [credit], finish: { kind: 'pay_now', amount: 100, method: 'card' } }),
  },
  {
    name: 'transfer, close now (write-off)',
    prepare: async (s, api) => () => api.transfer({ ...e1Request(s), discounts: [credit], finish: { kind: 'close_now', reason: 'covered by March tuition' } }),
  },
  {
    name: 'transfer, pay later',
    prepare: async (s, api) => () => api.transfer({ ...e1Request(s), finish: { kind: 'pay_later' } }),
  },
  {
    name: 'enroll',
    prepare: async (s, api) => {
      const client = await buildClient(database.db, s.organization.id, { familyId: s.family.id, firstName: 'Leo' });
      return () => api.enroll({ clientId: client.id, sessionId: s.swimTeamSat.id, startsOn: '2027-03-20', finish: { kind: 'pay_now', amount: 6000, method: 'card' } });
    },
  },
  {
    name: 'payment',
    prepare: async (s, api) => () => api.post(`/api/invoices/${s.april.id}/payments`, { amount: 8000, method: 'check', reference: '1042' }),
  },
  {
    name: 'discount',
    prepare: async (s, api) => () => api.post(`/api/invoices/${s.april.id}/discounts`, { kind: 'percent', basisPoints: 1500, reason: 'Sibling' }),
  },
  {
    name: 'write-off',
    prepare: async (s, api) => () => api.post(`/api/invoices/${s.april.id}/write-offs`, { reason: 'Goodwill' }),
  },
  {
    name: 'unenroll',
    prepare: async (s, api) => () => api.post(`/api/subscriptions/${s.subscription.id}/unenroll`, { date: '2027-03-16' }),
  },
  {
    name: 'undo a transfer',
    prepare: async (s, api) => {
      const done = await api.transfer({ ...e1Request(s), finish: { kind: 'close_now', reason: 'covered' } });
      if (done.status !== 201) throw new Error(`fixture transfer failed: ${done.text}`);
      return () => api.post(`/api/transfers/${done.body.transfer.id}/undo`, {});
    },
  },
  {
    name: 'cancel a session date with enrolled clients',
    prepare: async (s, api) => {
      await buildSubscription(database.db, s.organization.id, { sessionId: s.intermediateThu.id, startsOn: '2027-03-04' });
      return () => api.post(`/api/sessions/${s.intermediateThu.id}/date-changes`, { date: '2027-03-25', kind: 'cancelled', reason: 'Holiday' });
    },
  },
];

/** Each write step with its occurrence, e.g. invoices.update #2. */
function occurrences(steps: string[]): { step: string; occurrence: number }[] {
  const seen = new Map<string, number>();
  return steps.map((step) => {
    const occurrence = (seen.get(step) ?? 0) + 1;
    seen.set(step, occurrence);
    return { step, occurrence };
  });
}

describe('atomicity under injected faults', () => {
  it('a fault before any write step of a transfer, an enrollment, a payment (and more) changes nothing', async () => {
    const started = Date.now();
    const report: string[] = [];
    let faults = 0;
    let passed = false;
    try {
      for (const useCase of useCases) {
        // A probe organization tells the write steps of a successful run.
        const probe = await buildE1Scenario(database.db);
        const probeApi = apiFor(server.baseUrl, await logIn(database.db, server.baseUrl, probe.organization.id, 'owner'));
        const probeRequest = await useCase.prepare(probe, probeApi);
        const { result: probeReply, steps } = await faultInjection.record(probeRequest);
        if (probeReply.status >= 300) throw new Error(`the ${useCase.name} probe did not succeed: ${probeReply.status} ${probeReply.text}`);
        expect(steps.length).toBeGreaterThan(0);

        const s = await buildE1Scenario(database.db);
        const api = apiFor(server.baseUrl, await logIn(database.db, server.baseUrl, s.organization.id, 'owner'));
        const request = await useCase.prepare(s, api);
        const before = await dumpOrganizations(database.db, [s.organization.id]);
        for (const { step, occurrence } of occurrences(steps)) {
          faultInjection.arm(step, occurrence);
          const reply = await request();
          const fired = !faultInjection.isArmed();
          faultInjection.disarm();
          faults++;
          expect({ useCase: useCase.name, step, occurrence, fired, status: reply.status, code: reply.body?.code }).toEqual({
            useCase: useCase.name, step, occurrence, fired: true, status: 500, code: 'INTERNAL',
          });
          expect(reply.contentType).toContain('application/problem+json');
          const after = await dumpOrganizations(database.db, [s.organization.id]);
          expect({ useCase: useCase.name, step, occurrence, after }).toEqual({ useCase: useCase.name, step, occurrence, after: before });
        }
        // Unarmed, the same request succeeds and passes the same steps.
        const { result: finalReply, steps: finalSteps } = await faultInjection.record(request);
        expect(finalReply.status).toBeLessThan(300);
        expect(finalSteps).toEqual(steps);
        report.push(`${useCase.name} ${steps.length}`);
      }
      passed = true;
    } finally {
      faultInjection.disarm();
      recordFigures(resultsDir, {
        order: '3',
        test: 'Atomicity: a fault injected before each write step (src/db/fault-injection.ts)',
        load: `${useCases.length} use cases, ${faults} injected faults (write steps per use case: ${report.join(', ')})`,
        found: passed
          ? `every fault: 500 problem+json, and a dump of every row of the organization identical to before; the unarmed request then succeeds through the same steps`
          : `failed at ${useCases[report.length]?.name ?? '?'} after ${faults} faults`,
        fixed: 'nothing needed: each use case is one transaction',
        seconds: Math.round((Date.now() - started) / 1000),
        passed,
      });
    }
  });
});
