import { createHash } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRealSessionDate, realSessionDates } from '../../domain/schedule/session-dates.js';
import { coversDate } from '../../domain/subscriptions/coverage.js';
import type { Database, DatabaseHandle } from '../client.js';
import { clientRepository } from '../repositories/client-repository.js';
import { familyRepository } from '../repositories/family-repository.js';
import { guardianRepository } from '../repositories/guardian-repository.js';
import { invoiceLineRepository, invoiceRepository } from '../repositories/invoice-repository.js';
import { organizationRepository } from '../repositories/organization-repository.js';
import { paymentRepository } from '../repositories/payment-repository.js';
import { serviceRepository } from '../repositories/service-repository.js';
import { sessionRepository } from '../repositories/session-repository.js';
import { subscriptionRepository } from '../repositories/subscription-repository.js';
import { openTestDatabase } from '../testing/test-database.js';
import { DEMO_ORGANIZATION_ID, DEMO_SECOND_ORGANIZATION_ID, planDemo, seedDemoIfEmpty } from './demo.js';
import { sessionScheduleOf } from '../repositories/session-schedule-mapper.js';

// The demo organization has a fixed id, so on the PostgreSQL server every test file of a run
// shares one demo: any file that seeds it must use this same `today`.
const today = Temporal.PlainDate.from('2027-03-10');
const all = { limit: 10_000, offset: 0 };

let handle: DatabaseHandle;
let db: Database;
let org: string;
let concurrentSeeds: Array<{ organizationId: string }>;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
  // Two start-ups at once: one seeds, the other finds the demo (or loses the race on its fixed id).
  concurrentSeeds = await Promise.all([seedDemoIfEmpty(db, { today }), seedDemoIfEmpty(db, { today })]);
  org = concurrentSeeds[0]!.organizationId;
});

afterAll(async () => {
  await handle.close();
});

/** Everything the demo organization holds, read back through the repositories. */
async function load(organizationId: string) {
  const [sessions, services, clients, families, subscriptions, invoices, lines, payments] = await Promise.all([
    sessionRepository.list(db, organizationId, all),
    serviceRepository.list(db, organizationId, all),
    clientRepository.list(db, organizationId, all),
    familyRepository.list(db, organizationId, all),
    subscriptionRepository.list(db, organizationId, all),
    invoiceRepository.list(db, organizationId, all),
    invoiceLineRepository.list(db, organizationId, all),
    paymentRepository.list(db, organizationId, all),
  ]);
  const organization = await organizationRepository.findById(db, organizationId);
  const exceptions = await sessionRepository.exceptionsFor(db, organizationId, sessions.items.map((s) => s.id));
  const scheduleOf = (session: (typeof sessions.items)[number]) =>
    sessionScheduleOf({
      session,
      exceptions: exceptions.filter((e) => e.sessionId === session.id),
      timeZone: organization!.timeZone,
    });
  return {
    organization: organization!,
    sessions: sessions.items,
    services: services.items,
    clients: clients.items,
    families: families.items,
    subscriptions: subscriptions.items,
    invoices: invoices.items,
    lines: lines.items,
    payments: payments.items,
    exceptions,
    scheduleOf,
    session: (name: string) => sessions.items.find((s) => s.name === name)!,
  };
}

/** Names and enrollment dates, the parts of the demo a person would notice changing. */
function digest(o: {
  clients: Array<{ id: string; firstName: string; lastName: string; birthDate?: string | null }>;
  subscriptions: Array<{ id: string; clientId: string; sessionId: string; startsOn: string; endsOn?: string | null }>;
}): string {
  const clients = o.clients.map((c) => [c.id, c.firstName, c.lastName, c.birthDate ?? null]).sort();
  const subscriptions = o.subscriptions.map((s) => [s.id, s.clientId, s.sessionId, s.startsOn, s.endsOn ?? null]).sort();
  return createHash('sha256').update(JSON.stringify({ clients, subscriptions })).digest('hex');
}

const of = <T extends { organizationId: string }>(rows: T[], organizationId: string) =>
  rows.filter((row) => row.organizationId === organizationId);

describe('seedDemo', () => {
  it('creates Riverside Swim School with about 25 sessions, 150 clients and 100 families', async () => {
    const demo = await load(org);
    expect(org).toBe(DEMO_ORGANIZATION_ID);
    expect(demo.organization).toMatchObject({
      name: 'Riverside Swim School',
      timeZone: 'America/New_York',
      currency: 'USD',
      locale: 'en-US',
    });
    expect(demo.sessions).toHaveLength(25);
    expect(demo.clients).toHaveLength(150);
    expect(demo.families).toHaveLength(100);
    expect(demo.services.map((s) => [s.name, s.defaultPaymentPlan, s.defaultPrice]).sort()).toEqual([
      ['Group Swim Lessons', 'monthly', 8000],
      ['Private Lessons', 'per_visit', 4500],
      ['Swim Team', 'monthly', 12000],
    ]);
  });

  it('has the worked examples’ sessions with exactly their settings', async () => {
    const demo = await load(org);
    const serviceName = (id: string) => demo.services.find((s) => s.id === id)!.name;
    const settings = (name: string) => {
      const s = demo.session(name);
      return [serviceName(s.serviceId), s.paymentPlan, s.price, s.weekdays, s.startTime, s.durationMinutes, s.endsOn];
    };
    expect(settings('Beginners Tue')).toEqual(['Group Swim Lessons', 'monthly', 8000, [2], '16:00:00', 45, null]);
    expect(settings('Intermediate Thu')).toEqual(['Group Swim Lessons', 'monthly', 10000, [4], '17:00:00', 45, null]);
    expect(settings('Swim Team Sat')).toEqual(['Swim Team', 'monthly', 12000, [6], '09:00:00', 60, null]);
  });

  it('sets up the scenario: Maya Patel in Beginners Tue, March paid in cash, April open', async () => {
    const demo = await load(org);
    const maya = demo.clients.filter((c) => c.firstName === 'Maya' && c.lastName === 'Patel');
    expect(maya).toHaveLength(1);
    const family = demo.families.find((f) => f.id === maya[0]!.familyId)!;
    expect(family.name).toBe('Patel');
    const guardians = await guardianRepository.listForFamilies(db, org, [family.id]);
    expect(guardians.find((g) => g.name === 'Priya Patel')).toMatchObject({
      email: expect.stringContaining('@'),
      phone: expect.stringMatching(/\d/),
    });

    const subscriptions = demo.subscriptions.filter((s) => s.clientId === maya[0]!.id);
    expect(subscriptions).toHaveLength(1);
    expect(subscriptions[0]).toMatchObject({
      sessionId: demo.session('Beginners Tue').id,
      startsOn: '2027-01-05',
      endsOn: null,
      status: 'active',
      priceSnapshot: 8000,
    });

    const invoices = await invoiceRepository.listForSubscriptions(db, org, [subscriptions[0]!.id]);
    expect(invoices.map((i) => [i.dueOn, i.status, i.subtotal, i.discountTotal, i.total])).toEqual([
      ['2027-03-01', 'paid', 8000, 0, 8000],
      ['2027-04-01', 'open', 8000, 0, 8000],
    ]);
    expect(invoices.every((i) => i.familyId === family.id)).toBe(true);
    const lines = await invoiceLineRepository.listForInvoices(db, org, invoices.map((i) => i.id));
    expect(lines.map((l) => l.description).sort()).toEqual(['Beginners Tue — April 2027', 'Beginners Tue — March 2027']);
    const payments = await paymentRepository.listForInvoices(db, org, invoices.map((i) => i.id));
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ invoiceId: invoices[0]!.id, familyId: family.id, amount: 8000, method: 'cash' });
  });

  it('keeps the worked example E1 true: whole March for Tuesdays and Thursdays, a holiday on a Monday', async () => {
    const demo = await load(org);
    const march = { from: Temporal.PlainDate.from('2027-03-01'), to: Temporal.PlainDate.from('2027-04-01') };
    const marchDates = (name: string) =>
      realSessionDates({ ...demo.scheduleOf(demo.session(name)), ...march }).map((d) => d.toString());
    expect(marchDates('Beginners Tue')).toEqual(['2027-03-02', '2027-03-09', '2027-03-16', '2027-03-23', '2027-03-30']);
    expect(marchDates('Intermediate Thu')).toEqual(['2027-03-04', '2027-03-11', '2027-03-18', '2027-03-25']);

    expect(demo.exceptions.length).toBeGreaterThan(0);
    for (const exception of demo.exceptions) {
      expect(exception).toMatchObject({ date: '2027-03-22', kind: 'cancelled', reason: 'Spring Break' });
    }
    const mondaySessions = demo.sessions.filter((s) => s.weekdays.includes(1));
    expect(new Set(demo.exceptions.map((e) => e.sessionId))).toEqual(new Set(mondaySessions.map((s) => s.id)));
  });

  it('never puts more clients on a session date than its capacity, and fills some sessions exactly', async () => {
    const demo = await load(org);
    const horizon = today.add({ weeks: 8 });
    const active = demo.subscriptions.filter((s) => s.status === 'active');
    const enrolledOn = (sessionId: string, date: Temporal.PlainDate) =>
      active.filter(
        (s) =>
          s.sessionId === sessionId &&
          coversDate({
            period: {
              startsOn: Temporal.PlainDate.from(s.startsOn),
              endsOn: s.endsOn ? Temporal.PlainDate.from(s.endsOn) : null,
            },
            date,
          }),
      ).length;

    const fullOnNextDate: string[] = [];
    for (const session of demo.sessions) {
      const schedule = demo.scheduleOf(session);
      // From the first date, not only the next 8 weeks: past rosters must have fit too.
      const dates = realSessionDates({ ...schedule, from: Temporal.PlainDate.from(session.startsOn), to: horizon });
      for (const date of dates) {
        expect(enrolledOn(session.id, date), `${session.name} on ${date}`).toBeLessThanOrEqual(session.capacity);
      }
      const next = dates.find((d) => Temporal.PlainDate.compare(d, today) >= 0);
      if (next && enrolledOn(session.id, next) === session.capacity) fullOnNextDate.push(session.name);
    }
    expect(fullOnNextDate).toContain('Advanced Wed');
    expect(fullOnNextDate).not.toContain('Intermediate Thu');
    // The seed transfer's target has room on the date E1 starts Maya there.
    const intermediateThu = demo.session('Intermediate Thu');
    expect(enrolledOn(intermediateThu.id, Temporal.PlainDate.from('2027-03-18'))).toBeLessThan(intermediateThu.capacity);
  });

  it('starts and ends every subscription on a real session date, ended ones before today', async () => {
    const demo = await load(org);
    for (const subscription of demo.subscriptions) {
      const schedule = demo.scheduleOf(demo.sessions.find((s) => s.id === subscription.sessionId)!);
      expect(isRealSessionDate({ ...schedule, date: Temporal.PlainDate.from(subscription.startsOn) })).toBe(true);
      if (subscription.endsOn === null) continue;
      const endsOn = Temporal.PlainDate.from(subscription.endsOn);
      expect(isRealSessionDate({ ...schedule, date: endsOn })).toBe(true);
      expect(Temporal.PlainDate.compare(endsOn, today)).toBeLessThan(0);
    }
    expect(demo.subscriptions.some((s) => s.endsOn !== null)).toBe(true);
  });

  it('bills consistently: one line per invoice, totals add up, paid invoices are paid in full', async () => {
    const demo = await load(org);
    expect(demo.invoices.length).toBeGreaterThan(50);
    expect(demo.invoices.some((i) => i.status === 'open')).toBe(true);
    for (const invoice of demo.invoices) {
      expect(invoice.total).toBe(invoice.subtotal - invoice.discountTotal);
      const lines = demo.lines.filter((l) => l.invoiceId === invoice.id);
      expect(lines).toHaveLength(1);
      expect(lines[0]!.amount).toBe(invoice.subtotal);
      const paid = demo.payments.filter((p) => p.invoiceId === invoice.id).reduce((sum, p) => sum + p.amount, 0);
      expect(paid).toBe(invoice.status === 'paid' ? invoice.total : 0);
    }
  });

  it('adds nothing when run again, even when two runs race', async () => {
    expect(concurrentSeeds).toEqual([{ organizationId: DEMO_ORGANIZATION_ID }, { organizationId: DEMO_ORGANIZATION_ID }]);
    const before = await load(org);
    const organizationsBefore = (await organizationRepository.list(db)).length;
    expect(await seedDemoIfEmpty(db, { today })).toEqual({ organizationId: DEMO_ORGANIZATION_ID });
    const after = await load(org);
    expect((await organizationRepository.list(db)).length).toBe(organizationsBefore);
    for (const table of ['sessions', 'clients', 'families', 'subscriptions', 'invoices', 'payments'] as const) {
      expect(after[table].length, table).toBe(before[table].length);
    }
  });

  it('plans the same demo for the same day, and the database holds exactly that plan', async () => {
    const plan = planDemo({ today });
    expect(planDemo({ today })).toEqual(plan);
    expect(planDemo({ today: today.add({ days: 1 }) })).not.toEqual(plan);

    for (const organizationId of [DEMO_ORGANIZATION_ID, DEMO_SECOND_ORGANIZATION_ID]) {
      const demo = await load(organizationId);
      expect(digest(demo)).toBe(
        digest({ clients: of(plan.clients, organizationId), subscriptions: of(plan.subscriptions, organizationId) }),
      );
      const ids = (rows: Array<{ id: string }>) => rows.map((row) => row.id).sort();
      expect(ids(demo.sessions)).toEqual(ids(of(plan.sessions, organizationId)));
      expect(ids(demo.families)).toEqual(ids(of(plan.families, organizationId)));
      expect(ids(demo.invoices)).toEqual(ids(of(plan.invoices, organizationId)));
      expect(ids(demo.payments)).toEqual(ids(of(plan.payments, organizationId)));
    }
  });

  it('seeds a second, separate tenant: Lakeside Gymnastics', async () => {
    const lakeside = await load(DEMO_SECOND_ORGANIZATION_ID);
    expect(lakeside.organization).toMatchObject({
      name: 'Lakeside Gymnastics',
      timeZone: 'Europe/London',
      currency: 'GBP',
      locale: 'en-GB',
    });
    expect(lakeside.sessions).toHaveLength(2);
    expect(lakeside.services).toHaveLength(1);
    expect(lakeside.clients.length).toBeGreaterThanOrEqual(3);
    const riverside = await load(org);
    const riversideIds = new Set(riverside.clients.map((c) => c.id));
    expect(lakeside.clients.some((c) => riversideIds.has(c.id))).toBe(false);
  });
});
