import type { Database } from '../../db/client.js';
import { Temporal } from 'temporal-polyfill';
import { buildClient, buildFamily, buildGuardian, buildOrganization, buildService, buildSession, buildSubscription } from '../../db/seed/builders.js';
import { createInvoice, recordSettlement } from '../services/billing/create-invoice.js';

const money = { currency: 'USD', locale: 'en-US' };

/**
 * EXAMPLES.md E1 as rows: Maya in Beginners Tue since 2027-01-05, March paid, April open;
 * Intermediate Thu and Swim Team Sat as targets. Each call makes a new organization.
 */
export async function buildE1Scenario(db: Database, o: { targetCapacity?: number } = {}) {
  const organization = await buildOrganization(db, { name: `Riverside ${crypto.randomUUID().slice(0, 6)}` });
  const orgId = organization.id;
  const group = await buildService(db, orgId, { name: 'Group Lessons', defaultPaymentPlan: 'monthly', defaultPrice: 8000 });
  const team = await buildService(db, orgId, { name: 'Swim Team', defaultPaymentPlan: 'monthly', defaultPrice: 12000 });
  const session = (name: string, serviceId: string, weekday: number, startTime: string, price: number, capacity = 10) =>
    buildSession(db, orgId, { name, serviceId, weekdays: [weekday], startTime, durationMinutes: 45, startsOn: '2027-01-04', price, capacity });
  const beginnersTue = await session('Beginners Tue', group.id, 2, '16:00:00', 8000);
  const intermediateThu = await session('Intermediate Thu', group.id, 4, '17:00:00', 10000, o.targetCapacity ?? 10);
  const swimTeamSat = await session('Swim Team Sat', team.id, 6, '09:00:00', 12000);

  const family = await buildFamily(db, orgId, { name: 'Patel' });
  await buildGuardian(db, orgId, { familyId: family.id, name: 'Priya Patel', phone: '+1 555 010 2030' });
  const maya = await buildClient(db, orgId, { familyId: family.id, firstName: 'Maya', lastName: 'Patel' });
  const subscription = await buildSubscription(db, orgId, { sessionId: beginnersTue.id, clientId: maya.id, startsOn: '2027-01-05' });

  // March issued a week before it, April issued on 2027-03-01 (E1: open by 2027-03-16); the ledger records each.
  const ledger = (date: string) => ({ organizationId: orgId, actorUserId: null, today: Temporal.PlainDate.from(date) });
  const monthly = (periodStart: string, periodEnd: string, month: string, issuedOn: string) =>
    createInvoice(db, ledger(issuedOn), {
      familyId: family.id,
      subscriptionId: subscription.id,
      period: { start: Temporal.PlainDate.from(periodStart), end: Temporal.PlainDate.from(periodEnd) },
      issuedOn,
      dueOn: periodStart,
      lines: [{ description: `Beginners Tue — ${month}`, periodStart, periodEnd, quantityNumerator: 1, quantityDenominator: 1, unitAmount: 8000, amount: 8000 }],
      discounts: [],
      money,
    });
  const march = await monthly('2027-03-01', '2027-04-01', 'March 2027', '2027-02-22');
  await recordSettlement(db, ledger('2027-03-01'), {
    invoice: march,
    settlement: { status: 'paid', payment: 8000, writeOff: 0, amountDue: 0 },
    payment: { method: 'cash', reference: null },
  });
  const april = await monthly('2027-04-01', '2027-05-01', 'April 2027', '2027-03-01');

  return { organization, beginnersTue, intermediateThu, swimTeamSat, family, maya, subscription, march, april };
}

export type E1Scenario = Awaited<ReturnType<typeof buildE1Scenario>>;

/** The E1 request: Maya from Beginners Tue on 2027-03-16 to Intermediate Thu, defaults for the rest. */
export function e1Request(s: E1Scenario) {
  return { subscriptionId: s.subscription.id, transferDate: '2027-03-16', targetSessionId: s.intermediateThu.id };
}
