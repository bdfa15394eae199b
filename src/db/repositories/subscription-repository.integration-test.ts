import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../client.js';
import { sessions, subscriptions } from '../schema/index.js';
import { buildClient, buildFamily, buildOrganization, buildService, buildSession, buildSubscription } from '../seed/builders.js';
import { itOnServer, openTestDatabase } from '../testing/test-database.js';
import { subscriptionRepository, type SubscriptionRow } from './subscription-repository.js';

/** Row locks need a second connection: only the PostgreSQL server has one. */

let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

/**
 * A Tuesday and Thursday session from 2027-01-05 (dates in January: 5, 7, 12, 14, ...) and
 * who is enrolled in it:
 *   maya  Maya Patel  from 01-05, open-ended
 *   ravi  Ravi Patel  from 01-07 to 01-12 (exclusive)
 *   zoe   Zoe Adams   from 01-12, void
 *   ana   Ana Patel   from 01-14 to 01-15
 *   bo    Bo Adams    from 01-12, open-ended
 */
async function buildJanuary(organizationId: string) {
  const session = await buildSession(db, organizationId, { weekdays: [2, 4], startsOn: '2027-01-05', name: 'Tue/Thu' });
  const patels = await buildFamily(db, organizationId, { name: 'Patel' });
  const adamses = await buildFamily(db, organizationId, { name: 'Adams' });
  const enroll = async (
    firstName: string,
    family: { id: string; name: string },
    o: { startsOn: string; endsOn?: string; status?: 'active' | 'void' },
  ) => {
    const client = await buildClient(db, organizationId, { firstName, lastName: family.name, familyId: family.id });
    const subscription = await buildSubscription(db, organizationId, { sessionId: session.id, clientId: client.id, ...o });
    return { client, subscription };
  };
  return {
    session,
    patels,
    adamses,
    maya: await enroll('Maya', patels, { startsOn: '2027-01-05' }),
    ravi: await enroll('Ravi', patels, { startsOn: '2027-01-07', endsOn: '2027-01-12' }),
    zoe: await enroll('Zoe', adamses, { startsOn: '2027-01-12', status: 'void' }),
    ana: await enroll('Ana', patels, { startsOn: '2027-01-14', endsOn: '2027-01-15' }),
    bo: await enroll('Bo', adamses, { startsOn: '2027-01-12' }),
  };
}

const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();
const key = (sessionId: string, date: string) => `${sessionId}:${date}`;

/** Whether another connection finds the row locked (NOWAIT fails at once instead of queueing). */
async function lockedElsewhere(table: typeof sessions | typeof subscriptions, organizationId: string, id: string): Promise<boolean> {
  try {
    await db.execute(sql`select 1 from ${table} where ${table.organizationId} = ${organizationId} and ${table.id} = ${id} for update nowait`);
    return false;
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === '55P03') return true;
    throw error;
  }
}

describe('subscriptionRepository', () => {
  it("lists a family's enrollments still running after a date, with the names a family reads, and one by id only if it is the family's", async () => {
    const org = await buildOrganization(db);
    const j = await buildJanuary(org.id);
    const running = await subscriptionRepository.listRunningForFamilyWithDetails(db, org.id, { familyId: j.patels.id, after: '2027-01-13' });
    // Ravi ended on 01-12; the Adamses are another family.
    expect(running.map((r) => r.client.firstName)).toEqual(['Maya', 'Ana']);
    expect(running[0]).toMatchObject({ session: { id: j.session.id, name: 'Tue/Thu' }, serviceName: expect.any(String), instructorName: expect.any(String), locationName: expect.any(String) });
    const one = { familyId: j.patels.id, after: '2027-01-13' };
    expect(await subscriptionRepository.listRunningForFamilyWithDetails(db, org.id, { ...one, subscriptionId: j.maya.subscription.id })).toHaveLength(1);
    expect(await subscriptionRepository.listRunningForFamilyWithDetails(db, org.id, { ...one, subscriptionId: j.bo.subscription.id })).toEqual([]);
    expect(await subscriptionRepository.listRunningForFamilyWithDetails(db, (await buildOrganization(db)).id, one)).toEqual([]);
  });

  it('inserts, finds and updates a subscription only within its organization', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const subscription = await buildSubscription(db, org.id);

    expect(await subscriptionRepository.findById(db, org.id, subscription.id)).toEqual(subscription);
    expect(await subscriptionRepository.findById(db, other.id, subscription.id)).toBeUndefined();
    expect(await subscriptionRepository.update(db, other.id, subscription.id, { endsOn: '2027-02-01' })).toBeUndefined();
    expect(await subscriptionRepository.update(db, org.id, subscription.id, { endsOn: '2027-02-01' })).toEqual({
      ...subscription,
      endsOn: '2027-02-01',
    });
  });

  describe('activeForSessions', () => {
    it('returns [] for no sessions', async () => {
      const org = await buildOrganization(db);
      await buildJanuary(org.id);
      expect(await subscriptionRepository.activeForSessions(db, org.id, [], { from: '2027-01-01', to: null })).toEqual([]);
    });

    it('returns the active subscriptions covering a day of [from, to): ends exclusive, null to = open', async () => {
      const org = await buildOrganization(db);
      const other = await buildOrganization(db);
      const { session, maya, ravi, ana, bo } = await buildJanuary(org.id);
      const elsewhere = await buildSubscription(db, org.id, { startsOn: '2027-01-05' });
      const active = (range: { from: string; to: string | null }, sessionIds = [session.id]) =>
        subscriptionRepository.activeForSessions(db, org.id, sessionIds, range).then(ids);

      expect(await active({ from: '2027-01-12', to: '2027-01-14' })).toEqual(ids([maya.subscription, bo.subscription]));
      expect(await active({ from: '2027-01-11', to: '2027-01-15' })).toEqual(
        ids([maya.subscription, ravi.subscription, ana.subscription, bo.subscription]),
      );
      expect(await active({ from: '2027-01-15', to: null })).toEqual(ids([maya.subscription, bo.subscription]));
      expect(await active({ from: '2027-01-15', to: null }, [session.id, elsewhere.sessionId])).toEqual(
        ids([maya.subscription, bo.subscription, elsewhere]),
      );
      expect(await subscriptionRepository.activeForSessions(db, other.id, [session.id], { from: '2027-01-01', to: null })).toEqual([]);
    });
  });

  describe('enrolledCounts', () => {
    it('returns an empty map for no pairs', async () => {
      const org = await buildOrganization(db);
      expect(await subscriptionRepository.enrolledCounts(db, org.id, [])).toEqual(new Map());
    });

    it('counts the active subscriptions covering each (session, date) asked, as counted by hand', async () => {
      const org = await buildOrganization(db);
      const { session } = await buildJanuary(org.id);
      const empty = await buildSession(db, org.id);
      const pairs = [
        { sessionId: session.id, date: '2027-01-04' },
        { sessionId: session.id, date: '2027-01-05' },
        { sessionId: session.id, date: '2027-01-07' },
        { sessionId: session.id, date: '2027-01-08' },
        { sessionId: session.id, date: '2027-01-12' },
        { sessionId: session.id, date: '2027-01-14' },
        { sessionId: session.id, date: '2027-01-15' },
        { sessionId: empty.id, date: '2027-01-12' },
      ];

      expect(await subscriptionRepository.enrolledCounts(db, org.id, pairs)).toEqual(
        new Map([
          [key(session.id, '2027-01-04'), 0], // before anyone starts
          [key(session.id, '2027-01-05'), 1], // maya
          [key(session.id, '2027-01-07'), 2], // maya, ravi
          [key(session.id, '2027-01-08'), 2], // not a session date, still counted: maya, ravi
          [key(session.id, '2027-01-12'), 2], // maya, bo (ravi ended on it, zoe void)
          [key(session.id, '2027-01-14'), 3], // maya, bo, ana
          [key(session.id, '2027-01-15'), 2], // maya, bo (ana ended on it)
          [key(empty.id, '2027-01-12'), 0],
        ]),
      );
    });

    it('counts nothing of another organization', async () => {
      const org = await buildOrganization(db);
      const other = await buildOrganization(db);
      const { session } = await buildJanuary(org.id);

      expect(await subscriptionRepository.enrolledCounts(db, other.id, [{ sessionId: session.id, date: '2027-01-14' }])).toEqual(
        new Map([[key(session.id, '2027-01-14'), 0]]),
      );
    });
  });

  describe('enrolledCountsOnPatternDates', () => {
    it('counts every pattern date of every session running in the range, as counted by hand', async () => {
      const org = await buildOrganization(db);
      const other = await buildOrganization(db);
      const { session } = await buildJanuary(org.id);
      // Mondays from 01-04, ended on 01-11 (exclusive): one date in the range.
      const mondays = await buildSession(db, org.id, { weekdays: [1], startsOn: '2027-01-04', endsOn: '2027-01-11' });
      await buildSubscription(db, org.id, { sessionId: mondays.id, startsOn: '2027-01-04' });
      // Wednesdays, and open-ended Mondays, nobody enrolled: their dates are there with 0
      // (the range's end, a Monday, is not one of them).
      const wednesdays = await buildSession(db, org.id, { weekdays: [3], startsOn: '2027-01-01' });
      const openMondays = await buildSession(db, org.id, { weekdays: [1], startsOn: '2027-01-04' });
      // Starts on the range's end: not running in it.
      await buildSession(db, org.id, { weekdays: [1], startsOn: '2027-01-18' });
      await buildSession(db, other.id, { weekdays: [2], startsOn: '2027-01-05' });

      const counts = await subscriptionRepository.enrolledCountsOnPatternDates(db, org.id, { from: '2027-01-04', to: '2027-01-18' });
      expect(counts).toEqual(
        new Map([
          [key(session.id, '2027-01-05'), 1],
          [key(session.id, '2027-01-07'), 2],
          [key(session.id, '2027-01-12'), 2],
          [key(session.id, '2027-01-14'), 3],
          [key(mondays.id, '2027-01-04'), 1],
          [key(wednesdays.id, '2027-01-06'), 0],
          [key(wednesdays.id, '2027-01-13'), 0],
          [key(openMondays.id, '2027-01-04'), 0],
          [key(openMondays.id, '2027-01-11'), 0],
        ]),
      );
    });

    it('narrows the sessions by the filter', async () => {
      const org = await buildOrganization(db);
      const service = await buildService(db, org.id);
      const session = await buildSession(db, org.id, { serviceId: service.id, weekdays: [2], startsOn: '2027-01-05' });
      await buildSubscription(db, org.id, { sessionId: session.id });
      await buildSession(db, org.id, { weekdays: [2], startsOn: '2027-01-05' });

      expect(
        await subscriptionRepository.enrolledCountsOnPatternDates(db, org.id, { from: '2027-01-04', to: '2027-01-18' }, { serviceId: service.id }),
      ).toEqual(
        new Map([
          [key(session.id, '2027-01-05'), 1],
          [key(session.id, '2027-01-12'), 1],
        ]),
      );
    });
  });

  describe('listForClient and listForClientWithNames', () => {
    it('return the client’s subscriptions by start (with session and service names), only the organization’s', async () => {
      const org = await buildOrganization(db);
      const other = await buildOrganization(db);
      const client = await buildClient(db, org.id);
      const service = await buildService(db, org.id, { name: 'Adult Lessons' });
      const later = await buildSubscription(db, org.id, {
        clientId: client.id,
        sessionId: (await buildSession(db, org.id, { name: 'Evening', serviceId: service.id })).id,
        startsOn: '2027-03-02',
      });
      const earlier = await buildSubscription(db, org.id, {
        clientId: client.id,
        sessionId: (await buildSession(db, org.id, { name: 'Morning', serviceId: service.id })).id,
        startsOn: '2027-01-05',
        endsOn: '2027-03-02',
      });
      await buildSubscription(db, org.id);

      expect(await subscriptionRepository.listForClient(db, org.id, client.id)).toEqual([earlier, later]);
      expect(await subscriptionRepository.listForClientWithNames(db, org.id, client.id)).toEqual([
        { subscription: earlier, sessionName: 'Morning', serviceName: 'Adult Lessons' },
        { subscription: later, sessionName: 'Evening', serviceName: 'Adult Lessons' },
      ]);
      expect(await subscriptionRepository.listForClient(db, other.id, client.id)).toEqual([]);
      expect(await subscriptionRepository.listForClientWithNames(db, other.id, client.id)).toEqual([]);
    });
  });

  describe('findWithSessionAndFamily', () => {
    it('returns the subscription with its session and its client’s family, only in its organization', async () => {
      const org = await buildOrganization(db);
      const other = await buildOrganization(db);
      const family = await buildFamily(db, org.id);
      const session = await buildSession(db, org.id);
      const subscription = await buildSubscription(db, org.id, { sessionId: session.id, clientId: (await buildClient(db, org.id, { familyId: family.id })).id });

      expect(await subscriptionRepository.findWithSessionAndFamily(db, org.id, subscription.id, { lock: false })).toEqual({
        subscription,
        session,
        familyId: family.id,
      });
      await db.transaction(async (tx) => {
        expect(await subscriptionRepository.findWithSessionAndFamily(tx, org.id, subscription.id, { lock: true })).toEqual({
          subscription,
          session,
          familyId: family.id,
        });
      });
      expect(await subscriptionRepository.findWithSessionAndFamily(db, other.id, subscription.id, { lock: false })).toBeUndefined();
      expect(await subscriptionRepository.findWithSessionAndFamily(db, org.id, randomUUID(), { lock: false })).toBeUndefined();
    });

    itOnServer('with lock, locks the subscription’s row only, until the transaction ends', async () => {
      const org = await buildOrganization(db);
      const subscription = await buildSubscription(db, org.id);

      await db.transaction(async (tx) => {
        await subscriptionRepository.findWithSessionAndFamily(tx, org.id, subscription.id, { lock: false });
        expect(await lockedElsewhere(subscriptions, org.id, subscription.id)).toBe(false);
      });
      await db.transaction(async (tx) => {
        await subscriptionRepository.findWithSessionAndFamily(tx, org.id, subscription.id, { lock: true });
        expect(await lockedElsewhere(subscriptions, org.id, subscription.id)).toBe(true);
        expect(await lockedElsewhere(sessions, org.id, subscription.sessionId)).toBe(false);
      });
      expect(await lockedElsewhere(subscriptions, org.id, subscription.id)).toBe(false);
    });
  });

  describe('rosterOn', () => {
    it('lists who is enrolled on the date, by last then first name: an enrollment ending on it is not, one starting on it is', async () => {
      const org = await buildOrganization(db);
      const { session, patels, adamses, maya, ravi, ana, bo } = await buildJanuary(org.id);
      await buildSubscription(db, org.id, { startsOn: '2027-01-05' });
      const roster = (date: string) => subscriptionRepository.rosterOn(db, org.id, session.id, date);
      const entry = (who: { client: unknown; subscription: SubscriptionRow }, family: unknown) => ({ ...who, family });

      expect(await roster('2027-01-07')).toEqual([entry(maya, patels), entry(ravi, patels)]);
      expect(await roster('2027-01-12')).toEqual([entry(bo, adamses), entry(maya, patels)]);
      expect(await roster('2027-01-14')).toEqual([entry(bo, adamses), entry(ana, patels), entry(maya, patels)]);
      expect(await roster('2027-01-04')).toEqual([]);
    });

    it('lists nobody for another organization', async () => {
      const org = await buildOrganization(db);
      const other = await buildOrganization(db);
      const { session } = await buildJanuary(org.id);
      expect(await subscriptionRepository.rosterOn(db, other.id, session.id, '2027-01-14')).toEqual([]);
    });
  });
});
