import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceRunRepository } from '../../db/repositories/invoice-run-repository.js';
import { buildClient } from '../../db/seed/builders.js';
import { buildE1Scenario } from '../testing/e1-scenario.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import type { JobDefinition } from './define-job.js';
import { INVOICE_RUN_JOB, invoiceRunJobs, type DailyInvoiceRun } from './invoice-run-jobs.js';

/**
 * The daily invoice run's two jobs, run here by hand on a clock the test sets: the schedule
 * (which organizations' 02:00 has come without a run for the day) and the run of one
 * organization's day. Sends are caught, and only this test's organization is looked at, so
 * the other test files' organizations in the same database are left alone.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

let now = Temporal.Now.instant();
const [scheduleJob, runJob] = invoiceRunJobs({ clock: { now: () => now } }) as unknown as [JobDefinition<null>, JobDefinition<DailyInvoiceRun>];
const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
const signal = new AbortController().signal;

/** What the schedule sends for this organization at `local` (its own zone). */
async function scheduleAt(local: string, organizationId: string, timeZone: string) {
  now = Temporal.ZonedDateTime.from(`${local}[${timeZone}]`).toInstant();
  const sent: { name: string; data: unknown; key: string | undefined }[] = [];
  await scheduleJob.run({ db: server.db, data: null, signal, log, send: async (name, data, options) => void sent.push({ name, data, key: options?.key }) });
  return sent.filter((s) => (s.data as DailyInvoiceRun).organizationId === organizationId);
}

const runDay = (data: DailyInvoiceRun) => runJob.run({ db: server.db, data, signal, log, send: async () => undefined });

async function leoEnrolledFrom20270311() {
  const s = await buildE1Scenario(server.db);
  const desk = server.as(s.organization.id, 'front_desk');
  server.clock.setToday('2027-03-09');
  const leo = await buildClient(server.db, s.organization.id, { familyId: s.family.id, firstName: 'Leo', lastName: 'Patel' });
  const enrolled = await desk.post(
    '/api/subscriptions',
    { clientId: leo.id, sessionId: s.intermediateThu.id, startsOn: '2027-03-11', finish: { kind: 'pay_later' } },
    { 'idempotency-key': randomUUID() },
  );
  expect(enrolled.status).toBe(201);
  server.clock.reset();
  return { s, owner: server.as(s.organization.id), subscriptionId: enrolled.body.subscription.id as string };
}

describe('the daily invoice run job', () => {
  it('fires at 02:00 in the organization’s zone, once for the day: April’s invoice on its issue day (2027-03-25)', async () => {
    const { s, owner, subscriptionId } = await leoEnrolledFrom20270311();
    const zone = s.organization.timeZone;
    expect(await scheduleAt('2027-03-25T01:59', s.organization.id, zone)).toEqual([]);

    const sent = await scheduleAt('2027-03-25T02:00', s.organization.id, zone);
    const day = { organizationId: s.organization.id, day: '2027-03-25' };
    expect(sent).toEqual([{ name: INVOICE_RUN_JOB, data: day, key: `${s.organization.id}:2027-03-25` }]);
    await runDay(day);

    const leo = async () => (await owner.get(`/api/families/${s.family.id}/balance`)).body.invoices.filter((i: any) => i.subscriptionId === subscriptionId);
    expect((await leo()).map((i: any) => [i.periodStart, i.total, i.issuedOn, i.dueOn])).toEqual([
      ['2027-03-01', 7500, '2027-03-09', '2027-03-11'],
      ['2027-04-01', 10000, '2027-03-25', '2027-04-01'],
    ]);
    const recorded = await invoiceRunRepository.latestFinished(server.db, s.organization.id);
    expect(recorded).toMatchObject({ runOn: '2027-03-25', issued: 1 }); // Leo's April (Maya's was billed before)
    expect(recorded!.finishedAt).not.toBeNull();

    // Later that day the schedule sends nothing more; the same job delivered twice does nothing.
    expect(await scheduleAt('2027-03-25T14:00', s.organization.id, zone)).toEqual([]);
    const runsBefore = (await invoiceRunRepository.list(server.db, s.organization.id, { limit: 100, offset: 0 })).total;
    await runDay(day);
    expect((await invoiceRunRepository.list(server.db, s.organization.id, { limit: 100, offset: 0 })).total).toBe(runsBefore);
    expect(await leo()).toHaveLength(2);
    // The next day's 02:00 sends the next day's job.
    expect((await scheduleAt('2027-03-26T02:00', s.organization.id, zone)).map((x) => x.key)).toEqual([`${s.organization.id}:2027-03-26`]);
  });

  it('a run that never finished (its server died) leaves the day to do: the schedule sends it again and the run catches up', async () => {
    const { s, owner, subscriptionId } = await leoEnrolledFrom20270311();
    const zone = s.organization.timeZone;
    now = Temporal.ZonedDateTime.from(`2027-03-25T02:00[${zone}]`).toInstant();
    await invoiceRunRepository.insert(server.db, s.organization.id, { runOn: '2027-03-25', issued: 0, finishedAt: null });
    expect(await scheduleAt('2027-03-25T02:01', s.organization.id, zone)).toHaveLength(1);
    // Down until the 27th: its run issues what the 25th should have.
    const sent = await scheduleAt('2027-03-27T09:00', s.organization.id, zone);
    expect(sent.map((x) => x.data)).toEqual([{ organizationId: s.organization.id, day: '2027-03-27' }]);
    await runDay(sent[0]!.data as DailyInvoiceRun);
    const april = (await owner.get(`/api/families/${s.family.id}/balance`)).body.invoices.filter(
      (i: any) => i.subscriptionId === subscriptionId && i.periodStart === '2027-04-01',
    );
    expect(april).toMatchObject([{ total: 10000, issuedOn: '2027-03-27', dueOn: '2027-04-01' }]);
  });

  it('a run by hand as of the day stands for the day’s run; one as of the day before does not', async () => {
    const { s, owner } = await leoEnrolledFrom20270311();
    const zone = s.organization.timeZone;
    server.clock.setToday('2027-03-25');
    expect((await owner.post('/api/invoice-runs', { today: '2027-03-24' })).status).toBe(200);
    expect(await scheduleAt('2027-03-25T02:00', s.organization.id, zone)).toHaveLength(1);
    expect((await owner.post('/api/invoice-runs', {})).body).toMatchObject({ runOn: '2027-03-25', issued: 1 });
    expect(await scheduleAt('2027-03-25T02:01', s.organization.id, zone)).toEqual([]);
    server.clock.reset();
  });
});
