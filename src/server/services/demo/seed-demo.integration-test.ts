import { createHash } from 'node:crypto';
import { verifyPassword } from 'better-auth/crypto';
import { eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type DatabaseHandle } from '../../../db/client.js';
import { accountCreditRepository } from '../../../db/repositories/account-credit-repository.js';
import { clientRepository } from '../../../db/repositories/client-repository.js';
import { familyRepository } from '../../../db/repositories/family-repository.js';
import { guardianRepository } from '../../../db/repositories/guardian-repository.js';
import { invoiceLineRepository, invoiceRepository } from '../../../db/repositories/invoice-repository.js';
import { ledgerRepository } from '../../../db/repositories/ledger-repository.js';
import { portalLoginRepository } from '../../../db/repositories/portal-login-repository.js';
import { organizationRepository } from '../../../db/repositories/organization-repository.js';
import { paymentRepository } from '../../../db/repositories/payment-repository.js';
import { serviceRepository } from '../../../db/repositories/service-repository.js';
import { sessionRepository } from '../../../db/repositories/session-repository.js';
import { sessionScheduleOf } from '../../../db/repositories/session-schedule-mapper.js';
import { subscriptionRepository } from '../../../db/repositories/subscription-repository.js';
import { DEMO_ORGANIZATION_ID, DEMO_SECOND_ORGANIZATION_ID, planDemo } from '../../../db/seed/demo.js';
import { DEMO_PASSWORD } from '../../../db/seed/demo-staff.js';
import { authAccounts } from '../../../db/schema/index.js';
import { openTestDatabase } from '../../../db/testing/test-database.js';
import { familyBalance } from '../../../domain/billing/balance.js';
import { isRealSessionDate, realSessionDates } from '../../../domain/schedule/session-dates.js';
import { coversDate } from '../../../domain/subscriptions/coverage.js';
import { loadInvoices } from '../billing/invoice-details.js';
import { runInvoices } from '../billing/invoice-run.js';
import { seedDemoIfEmpty } from './seed-demo.js';

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

/** Every ledger entry of the organization's families, whatever the date. */
async function ledgerOf(db: Database, organizationId: string, familyIds: readonly string[]) {
  const everything = { from: '0001-01-01', to: '9999-12-31' };
  const entries = await Promise.all(familyIds.map((id) => ledgerRepository.listForFamily(db, organizationId, id, everything)));
  return entries.flat();
}

/**
 * A family's balance both ways: the sum of its ledger (what the app shows), and what its
 * invoices still ask for less the account credit it holds (DESIGN.md "Family ledger").
 */
async function balancesOf(db: Database, organizationId: string, familyId: string) {
  const invoices = await loadInvoices(db, organizationId, await invoiceRepository.listForFamily(db, organizationId, familyId));
  return {
    ledger: await ledgerRepository.balanceOfFamily(db, organizationId, familyId),
    invoices: familyBalance(invoices, await accountCreditRepository.heldByFamily(db, organizationId, familyId)),
  };
}

/** The month an invoice bills, from its period. */
const billedMonth = (invoice: { periodStart: string | null }) => invoice.periodStart!.slice(0, 7);

describe('seedDemo', () => {
  it('gives Priya Patel, guardian of Maya, a family-portal login with the demo password (README: demo logins)', async () => {
    const login = await portalLoginRepository.findLoginByEmail(db, 'priya.patel@example.com');
    expect(login).toMatchObject({ guardian: { organizationId: org, name: 'Priya Patel' }, staffOf: [] });
    const [account] = await db.select().from(authAccounts).where(eq(authAccounts.userId, login!.userId));
    expect(await verifyPassword({ hash: account!.password!, password: DEMO_PASSWORD })).toBe(true);
    const portal = await guardianRepository.findPortalGuardian(db, login!.userId);
    const maya = (await load(org)).clients.find((c) => c.firstName === 'Maya' && c.lastName === 'Patel')!;
    expect(portal!.familyId).toBe(maya.familyId);
  });

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

  it('sets up the scenario: Maya Patel in Beginners Tue, paid in cash through March, April open', async () => {
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

    // The run issued each month on its issue day, 7 days before it, due on the 1st; April, whose
    // issue day (March 25) has not come, was billed ahead by the engine.
    const invoices = (await invoiceRepository.listForSubscriptions(db, org, [subscriptions[0]!.id])).sort((a, b) =>
      a.periodStart!.localeCompare(b.periodStart!),
    );
    expect(invoices.map((i) => [i.periodStart, i.periodEnd, i.issuedOn, i.dueOn, i.status, i.subtotal, i.discountTotal, i.total])).toEqual([
      ['2027-01-01', '2027-02-01', '2026-12-25', '2027-01-01', 'paid', 8000, 0, 8000],
      ['2027-02-01', '2027-03-01', '2027-01-25', '2027-02-01', 'paid', 8000, 0, 8000],
      ['2027-03-01', '2027-04-01', '2027-02-22', '2027-03-01', 'paid', 8000, 0, 8000],
      ['2027-04-01', '2027-05-01', '2027-03-10', '2027-04-01', 'open', 8000, 0, 8000],
    ]);
    expect(invoices.every((i) => i.familyId === family.id)).toBe(true);
    const lines = await invoiceLineRepository.listForInvoices(db, org, invoices.map((i) => i.id));
    expect(lines.map((l) => l.description).sort()).toEqual([
      'Beginners Tue — April 2027 (4 of 4 sessions)',
      'Beginners Tue — February 2027 (4 of 4 sessions)',
      'Beginners Tue — January 2027 (4 of 4 sessions)',
      'Beginners Tue — March 2027 (5 of 5 sessions)',
    ]);
    const payments = await paymentRepository.listForInvoices(db, org, invoices.map((i) => i.id));
    expect(payments.map((p) => [p.invoiceId, p.familyId, p.amount, p.method, p.reference]).sort()).toEqual(
      invoices.slice(0, 3).map((i) => [i.id, family.id, 8000, 'cash', null]).sort(),
    );

    // The family's statement: four charges, three payments; April's $80.00 is what it owes.
    const entries = await ledgerOf(db, org, [family.id]);
    // Each charged on its issue day, each paid on its due date.
    expect(entries.map((e) => [e.kind, e.amount, e.occurredOn]).sort()).toEqual(
      [
        ...invoices.map((i) => ['charge', 8000, i.issuedOn]),
        ...invoices.slice(0, 3).map((i) => ['payment', -8000, i.dueOn]),
      ].sort(),
    );
    expect(await balancesOf(db, org, family.id)).toEqual({ ledger: 8000, invoices: 8000 });
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

  it('bills through the engine: lines add up, and each invoice and payment is in the family ledger', async () => {
    for (const organizationId of [DEMO_ORGANIZATION_ID, DEMO_SECOND_ORGANIZATION_ID]) {
      const demo = await load(organizationId);
      const entries = await ledgerOf(db, organizationId, demo.families.map((f) => f.id));
      expect(demo.invoices.length, organizationId).toBeGreaterThan(organizationId === DEMO_ORGANIZATION_ID ? 300 : 15);
      for (const invoice of demo.invoices) {
        const name = `${organizationId} invoice ${invoice.subscriptionId} ${invoice.periodStart}`;
        expect(invoice.periodStart, name).not.toBeNull();
        expect(invoice.total, name).toBe(invoice.subtotal - invoice.discountTotal);
        const lines = demo.lines.filter((l) => l.invoiceId === invoice.id);
        expect(lines.length, name).toBeGreaterThan(0);
        expect(lines.reduce((sum, l) => sum + l.amount, 0), name).toBe(invoice.subtotal);
        const payments = demo.payments.filter((p) => p.invoiceId === invoice.id);
        expect(payments.reduce((sum, p) => sum + p.amount, 0), name).toBe(invoice.status === 'paid' ? invoice.total : 0);
        expect(['open', 'paid'], name).toContain(invoice.status);

        const ofInvoice = entries.filter((e) => e.invoiceId === invoice.id);
        expect(ofInvoice.every((e) => e.familyId === invoice.familyId), name).toBe(true);
        expect(ofInvoice.filter((e) => e.kind === 'charge').map((e) => e.amount), name).toEqual([invoice.subtotal]);
        expect(ofInvoice.filter((e) => e.kind === 'payment').map((e) => e.amount).sort(), name).toEqual(payments.map((p) => -p.amount).sort());
      }
      // Nothing else: one charge per invoice and one entry per payment.
      expect(entries).toHaveLength(demo.invoices.length + demo.payments.length);
    }
  });

  it('bills every enrolled client for this month, once per period', async () => {
    const demo = await load(org);
    const month = { from: today.with({ day: 1 }), to: today.with({ day: 1 }).add({ months: 1 }) };
    for (const subscription of demo.subscriptions) {
      const dates = realSessionDates({ ...demo.scheduleOf(demo.sessions.find((s) => s.id === subscription.sessionId)!), ...month });
      const period = { startsOn: Temporal.PlainDate.from(subscription.startsOn), endsOn: subscription.endsOn ? Temporal.PlainDate.from(subscription.endsOn) : null };
      const attends = dates.some((date) => coversDate({ period, date }));
      const invoices = demo.invoices.filter((i) => i.subscriptionId === subscription.id && i.periodStart === month.from.toString());
      expect(invoices, subscription.id).toHaveLength(attends ? 1 : 0);
    }
    const periods = demo.invoices.map((i) => `${i.subscriptionId}:${i.periodStart}`);
    expect(new Set(periods).size).toBe(periods.length);
  });

  it('is paid by month: earlier months paid, about 85 % of this month, later months open (the scenario aside)', async () => {
    const scenarioSubscription = planDemo({ today }).scenario!.subscriptionId;
    for (const organizationId of [DEMO_ORGANIZATION_ID, DEMO_SECOND_ORGANIZATION_ID]) {
      const demo = await load(organizationId);
      const invoices = demo.invoices.filter((i) => i.subscriptionId !== scenarioSubscription);
      const current = today.toPlainYearMonth().toString();
      expect(invoices.filter((i) => billedMonth(i) < current).every((i) => i.status === 'paid')).toBe(true);
      expect(invoices.filter((i) => billedMonth(i) > current).every((i) => i.status === 'open')).toBe(true);
      const thisMonth = invoices.filter((i) => billedMonth(i) === current);
      const paid = thisMonth.filter((i) => i.status === 'paid').length / thisMonth.length;
      if (organizationId === DEMO_ORGANIZATION_ID) {
        expect(paid).toBeGreaterThan(0.7);
        expect(paid).toBeLessThan(1);
        expect(new Set(demo.payments.map((p) => p.method))).toEqual(new Set(['cash', 'check', 'card']));
      }
    }
  });

  it('shows every family the balance its invoices add up to: the ledger sum', async () => {
    let owed = 0;
    for (const organizationId of [DEMO_ORGANIZATION_ID, DEMO_SECOND_ORGANIZATION_ID]) {
      for (const family of (await load(organizationId)).families) {
        const balances = await balancesOf(db, organizationId, family.id);
        expect(balances.ledger, `${family.name} (${family.id})`).toBe(balances.invoices);
        owed += balances.ledger;
      }
    }
    expect(owed).toBeGreaterThan(0);
  });

  it('would notice a payment written without its ledger entry (the check above can fail)', async () => {
    const demo = await load(org);
    const open = demo.invoices.find((i) => i.status === 'open')!;
    const rolledBack = new Error('roll back');
    await expect(
      db.transaction(async (tx) => {
        await paymentRepository.insert(tx, org, { invoiceId: open.id, familyId: open.familyId, amount: 100, method: 'cash', reference: null });
        const balances = await balancesOf(tx, org, open.familyId);
        expect(balances.invoices).toBe(balances.ledger - 100);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    const after = await balancesOf(db, org, open.familyId);
    expect(after.ledger).toBe(after.invoices);
  });

  it('leaves the invoice run nothing to issue as of the same today', async () => {
    for (const organizationId of [DEMO_ORGANIZATION_ID, DEMO_SECOND_ORGANIZATION_ID]) {
      const before = (await load(organizationId)).invoices.length;
      expect(await runInvoices(db, { organizationId, today })).toMatchObject({ issued: 0, creditApplied: 0 });
      expect((await load(organizationId)).invoices).toHaveLength(before);
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

describe('seedDemo on the last days of a month', () => {
  // The demo has fixed ids, so another `today` needs a database of its own: a private
  // embedded one, whichever engine the run uses (this checks the seed's dates, not the engine).
  it('pays the scenario through its next date’s month, which the run issued, and bills the month after ahead, open', async () => {
    const other = await openDatabase({});
    try {
      await other.migrate();
      const endOfMarch = Temporal.PlainDate.from('2027-03-31');
      await seedDemoIfEmpty(other.db, { today: endOfMarch });
      const subscriptionId = planDemo({ today: endOfMarch }).scenario!.subscriptionId;
      const invoices = await invoiceRepository.listForSubscriptions(other.db, DEMO_ORGANIZATION_ID, [subscriptionId]);
      // Maya's next date is Tuesday April 6: April (issued by the run, its issue day March 25 has
      // come) is paid, and May (issue day April 24) was billed ahead by the engine.
      expect(invoices.map((i) => [billedMonth(i), i.dueOn, i.status, i.total]).sort()).toEqual([
        ['2027-01', '2027-01-01', 'paid', 8000],
        ['2027-02', '2027-02-01', 'paid', 8000],
        ['2027-03', '2027-03-01', 'paid', 8000],
        ['2027-04', '2027-04-01', 'paid', 8000],
        ['2027-05', '2027-05-01', 'open', 8000],
      ]);
      const all = await invoiceRepository.list(other.db, DEMO_ORGANIZATION_ID, { limit: 10_000, offset: 0 });
      const april = all.items.filter((i) => billedMonth(i) === '2027-04' && i.subscriptionId !== subscriptionId);
      expect(april.length).toBeGreaterThan(80);
      expect(april.every((i) => i.status === 'open')).toBe(true);
      expect(all.items.filter((i) => billedMonth(i) === '2027-05')).toHaveLength(1);
      const family = invoices[0]!.familyId;
      expect(await balancesOf(other.db, DEMO_ORGANIZATION_ID, family)).toEqual({ ledger: 8000, invoices: 8000 });
    } finally {
      await other.close();
    }
  }, 120_000);
});
