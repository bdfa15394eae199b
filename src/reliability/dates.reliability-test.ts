import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildClient, buildOrganization, buildService, buildSession, buildSubscription } from '../db/seed/builders.js';
import { createFreshDatabase, type FreshDatabase } from './support/databases.js';
import { apiFor, logIn, type Api } from './support/http.js';
import { recordFigures } from './support/report.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';

/**
 * Schedules and transfers around the daylight-saving changes of five time zones, served by a
 * server process whose own TZ (Pacific/Chatham, +12:45/+13:45) is none of them. Expectations
 * are computed here from the calendar, independently of the product's date code.
 */
const SERVER_TZ = 'Pacific/Chatham';
const resultsDir = inject('reliabilityResultsDir');

/** The Sundays of 2027 on which each zone's clocks change (Kolkata has none: a control). */
const ZONES: { zone: string; changes: string[] }[] = [
  { zone: 'America/New_York', changes: ['2027-03-14', '2027-11-07'] },
  { zone: 'Europe/London', changes: ['2027-03-28', '2027-10-31'] },
  { zone: 'Australia/Sydney', changes: ['2027-04-04', '2027-10-03'] },
  { zone: 'Asia/Kolkata', changes: ['2027-03-14', '2027-11-07'] },
  { zone: 'Pacific/Auckland', changes: ['2027-04-04', '2027-09-26'] },
];
/** Local start times on a Sunday: in a spring-forward gap somewhere, repeated in a fall-back somewhere, ordinary, near midnight. */
const TIMES = ['00:30', '01:30', '02:30', '09:00', '23:30'];

let database: FreshDatabase;
let server: ServerProcess;

beforeAll(async () => {
  database = await createFreshDatabase('dates');
  server = await startServerProcess({ databaseUrl: database.url, tz: SERVER_TZ });
});
afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

/** What a person expects from the calendar: the instant of a local date and time (a time in a gap moves forward by the gap). */
function expectedStart(date: string, time: string, zone: string) {
  const zoned = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(time) });
  return { instant: zoned.toInstant().toString(), localTime: zoned.toPlainTime().toString({ smallestUnit: 'minute' }), inGap: zoned.toPlainTime().toString({ smallestUnit: 'minute' }) !== time };
}

function sundaysIn(month: string): string[] {
  const ym = Temporal.PlainYearMonth.from(month);
  const out = [];
  for (let d = ym.toPlainDate({ day: 1 }); d.month === ym.month; d = d.add({ days: 1 })) if (d.dayOfWeek === 7) out.push(d.toString());
  return out;
}

describe('daylight-saving changes in five time zones, server TZ Pacific/Chatham', () => {
  it('the schedule keeps local times, lists each date once, and transfers count real dates', async () => {
    const started = Date.now();
    let entriesChecked = 0;
    let gapShifts = 0;
    let transfers = 0;
    const findings: string[] = [];
    let passed = false;
    try {
      for (const { zone, changes } of ZONES) {
        const org = await buildOrganization(database.db, { timeZone: zone, name: `DST ${zone}` });
        const api: Api = apiFor(server.baseUrl, await logIn(database.db, server.baseUrl, org.id, 'manager'));
        const service = await buildService(database.db, org.id, { defaultPaymentPlan: 'monthly', defaultPrice: 9000 });
        const sunday = new Map<string, string>();
        for (const time of TIMES) {
          const session = await buildSession(database.db, org.id, { serviceId: service.id, name: `Sun ${time}`, weekdays: [7], startTime: `${time}:00`, durationMinutes: 60, startsOn: '2027-01-03', price: 9000 });
          sunday.set(session.id, time);
        }
        const saturday = await buildSession(database.db, org.id, { serviceId: service.id, name: 'Sat 09:00', weekdays: [6], startTime: '09:00:00', startsOn: '2027-01-02', price: 8000 });

        for (const change of changes) {
          // The week around the change: the Sunday before, the Sunday of the change, the Sunday after.
          const day = Temporal.PlainDate.from(change);
          const from = day.subtract({ days: 7 }).toString();
          const to = day.add({ days: 8 }).toString();
          const schedule = await api.get(`/api/schedule?from=${from}&to=${to}`);
          expect(schedule.status).toBe(200);
          expect(schedule.body.timeZone).toBe(zone);
          for (const [sessionId, time] of sunday) {
            const entries = schedule.body.entries.filter((e: any) => e.sessionId === sessionId);
            const expected = [day.subtract({ days: 7 }), day, day.add({ days: 7 })].map((d) => ({ date: d.toString(), ...expectedStart(d.toString(), time, zone) }));
            expect(entries.map((e: any) => ({ date: e.date, startsAt: e.startsAt, localStartTime: e.localStartTime }))).toEqual(
              expected.map((x) => ({ date: x.date, startsAt: x.instant, localStartTime: x.localTime })),
            );
            for (const e of entries) {
              // An hour-long session lasts an hour of real time, across the change too.
              expect(Temporal.Instant.from(e.endsAt).since(Temporal.Instant.from(e.startsAt)).total('minutes')).toBe(60);
              expect(Temporal.Instant.from(e.startsAt).toZonedDateTimeISO(zone).toPlainDate().toString()).toBe(e.date);
            }
            entriesChecked += entries.length;
            gapShifts += expected.filter((x) => x.inGap).length;
            for (const x of expected.filter((x) => x.inGap)) findings.push(`${zone} ${x.date} ${time} does not exist: shown at ${x.localTime}`);
          }

          // Dates of a session over the month of the change: every Sunday, once.
          const month = day.toPlainYearMonth();
          const [firstSession] = sunday.keys();
          const dates = await api.get(`/api/sessions/${firstSession}/dates?from=${month.toPlainDate({ day: 1 })}&to=${month.add({ months: 1 }).toPlainDate({ day: 1 })}`);
          expect(dates.body.dates.map((d: any) => d.date)).toEqual(sundaysIn(month.toString()));

          // Transfer on the Saturday before the change to the 02:30 Sunday session: the first date is the change's Sunday,
          // and the first invoice is prorated by the month's real Sundays.
          const client = await buildClient(database.db, org.id);
          const subscription = await buildSubscription(database.db, org.id, { sessionId: saturday.id, clientId: client.id, startsOn: '2027-01-02' });
          const target = [...sunday.entries()].find(([, time]) => time === '02:30')![0];
          const transferDate = day.subtract({ days: 1 }).toString();
          const done = await api.transfer({ subscriptionId: subscription.id, transferDate, targetSessionId: target, finish: { kind: 'pay_later' } });
          expect(done.status).toBe(201);
          expect(done.body.newSubscription.startsOn).toBe(change);
          expect(done.body.oldSubscription.endsOn).toBe(transferDate);
          const all = sundaysIn(month.toString());
          const remaining = all.filter((d) => d >= change).length;
          expect(done.body.invoice.lines[0]).toMatchObject({ quantityNumerator: remaining, quantityDenominator: all.length, amount: Math.round((9000 * remaining) / all.length) });
          const roster = await api.get(`/api/sessions/${target}/roster?date=${change}`);
          expect(roster.body.clients.map((c: any) => c.clientId)).toContain(client.id);
          const oldRoster = await api.get(`/api/sessions/${saturday.id}/roster?date=${transferDate}`);
          expect(oldRoster.body.clients.map((c: any) => c.clientId)).not.toContain(client.id);
          transfers++;
        }
      }
      passed = true;
    } finally {
      recordFigures(resultsDir, {
        order: '7',
        test: 'Dates: schedule and transfers around DST changes in 5 time zones, server TZ Pacific/Chatham',
        load: `5 zones × 2 changes × 5 Sunday start times (00:30, 01:30, 02:30, 09:00, 23:30) × 3 weeks; ${transfers} transfers on the eve of a change`,
        found: passed
          ? `${entriesChecked} schedule entries all at the calendar's instant, each date once, 60 min of real time each; every month lists each Sunday once; ` +
            `first dates and prorations right; ${gapShifts} start times fall in a spring-forward gap and are shown an hour later (e.g. ${findings[0] ?? '—'})`
          : `failed after ${entriesChecked} entries and ${transfers} transfers`,
        fixed: 'nothing needed',
        seconds: Math.round((Date.now() - started) / 1000),
        passed,
      });
    }
  });
});
