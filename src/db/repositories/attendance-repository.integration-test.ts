import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../client.js';
import { attendance } from '../schema/index.js';
import { buildOrganization, buildSession, buildSubscription } from '../seed/builders.js';
import { openTestDatabase } from '../testing/test-database.js';
import { attendanceRepository } from './attendance-repository.js';

let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

describe('attendanceRepository', () => {
  describe('mark', () => {
    it('records a mark, and marking the same date again replaces it', async () => {
      const org = await buildOrganization(db);
      const subscription = await buildSubscription(db, org.id);
      const mark = { organizationId: org.id, subscriptionId: subscription.id, date: '2027-01-12' };

      const present = await attendanceRepository.mark(db, { ...mark, present: true });
      expect(present).toMatchObject({ ...mark, present: 1 });

      const absent = await attendanceRepository.mark(db, { ...mark, present: false });
      expect(absent).toMatchObject({ ...mark, present: 0 });
      expect(absent.recordedAt.getTime()).toBeGreaterThanOrEqual(present.recordedAt.getTime());

      const rows = await db.select().from(attendance);
      expect(rows.filter((row) => row.subscriptionId === subscription.id)).toEqual([absent]);
    });
  });

  describe('anyForSubscription', () => {
    it('is false until a mark, present or absent, is recorded, and only in its organization', async () => {
      const org = await buildOrganization(db);
      const other = await buildOrganization(db);
      const subscription = await buildSubscription(db, org.id);
      const sibling = await buildSubscription(db, org.id, { sessionId: subscription.sessionId });

      expect(await attendanceRepository.anyForSubscription(db, org.id, subscription.id)).toBe(false);
      await attendanceRepository.mark(db, { organizationId: org.id, subscriptionId: subscription.id, date: '2027-01-05', present: false });

      expect(await attendanceRepository.anyForSubscription(db, org.id, subscription.id)).toBe(true);
      expect(await attendanceRepository.anyForSubscription(db, org.id, sibling.id)).toBe(false);
      expect(await attendanceRepository.anyForSubscription(db, other.id, subscription.id)).toBe(false);
    });
  });

  describe('listForSubscriptionsOn', () => {
    it('returns [] for no subscriptions', async () => {
      const org = await buildOrganization(db);
      expect(await attendanceRepository.listForSubscriptionsOn(db, org.id, [], '2027-01-05')).toEqual([]);
    });

    it('returns the marks of the given subscriptions on that date only', async () => {
      const org = await buildOrganization(db);
      const other = await buildOrganization(db);
      const session = await buildSession(db, org.id);
      const maya = await buildSubscription(db, org.id, { sessionId: session.id });
      const ravi = await buildSubscription(db, org.id, { sessionId: session.id });
      const notAsked = await buildSubscription(db, org.id, { sessionId: session.id });
      const mark = (subscriptionId: string, date: string, present: boolean) =>
        attendanceRepository.mark(db, { organizationId: org.id, subscriptionId, date, present });
      const mayaOn12 = await mark(maya.id, '2027-01-12', true);
      const raviOn12 = await mark(ravi.id, '2027-01-12', false);
      await mark(maya.id, '2027-01-05', true);
      await mark(notAsked.id, '2027-01-12', true);

      const found = await attendanceRepository.listForSubscriptionsOn(db, org.id, [maya.id, ravi.id], '2027-01-12');
      expect(found.sort((a, b) => a.subscriptionId.localeCompare(b.subscriptionId))).toEqual(
        [mayaOn12, raviOn12].sort((a, b) => a.subscriptionId.localeCompare(b.subscriptionId)),
      );
      expect(await attendanceRepository.listForSubscriptionsOn(db, org.id, [maya.id], '2027-01-19')).toEqual([]);
      expect(await attendanceRepository.listForSubscriptionsOn(db, other.id, [maya.id, ravi.id], '2027-01-12')).toEqual([]);
    });
  });
});
