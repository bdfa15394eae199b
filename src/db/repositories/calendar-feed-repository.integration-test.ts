import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../client.js';
import { buildClient, buildFamily, buildInstructor, buildOrganization, buildSession, buildSubscription } from '../seed/builders.js';
import { openTestDatabase } from '../testing/test-database.js';
import { calendarFeedRepository } from './calendar-feed-repository.js';

let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

describe('calendarFeedRepository', () => {
  it('keeps one live feed per owner, finds it by token until it is revoked, only within the organization', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const family = await buildFamily(db, org.id);
    const instructor = await buildInstructor(db, org.id);
    const feed = await calendarFeedRepository.insert(db, org.id, { familyId: family.id }, `token-${family.id}`);
    const teacherFeed = await calendarFeedRepository.insert(db, org.id, { instructorId: instructor.id }, `token-${instructor.id}`);

    expect(await calendarFeedRepository.findLive(db, org.id, { familyId: family.id })).toEqual(feed);
    expect(await calendarFeedRepository.findLive(db, other.id, { familyId: family.id })).toBeUndefined();
    expect(await calendarFeedRepository.findLive(db, org.id, { instructorId: instructor.id })).toEqual(teacherFeed);
    expect((await calendarFeedRepository.findLiveByToken(db, feed.token))?.organization.id).toBe(org.id);
    // A second live feed for the same family is refused by the database.
    await expect(calendarFeedRepository.insert(db, org.id, { familyId: family.id }, `again-${family.id}`)).rejects.toThrow();

    expect(await calendarFeedRepository.revokeLive(db, other.id, { familyId: family.id })).toBeUndefined();
    expect((await calendarFeedRepository.revokeLive(db, org.id, { familyId: family.id }))?.id).toBe(feed.id);
    expect(await calendarFeedRepository.findLiveByToken(db, feed.token)).toBeUndefined();
    expect(await calendarFeedRepository.findLive(db, org.id, { familyId: family.id })).toBeUndefined();
    expect(await calendarFeedRepository.findLive(db, org.id, { instructorId: instructor.id })).toEqual(teacherFeed);
    expect(await calendarFeedRepository.revokeLive(db, org.id, { familyId: family.id })).toBeUndefined();
  });

  it("lists the family's live enrollments with a date in the range, with the child's name and the session's location", async () => {
    const org = await buildOrganization(db);
    const family = await buildFamily(db, org.id);
    const otherFamily = await buildFamily(db, org.id);
    const session = await buildSession(db, org.id, { weekdays: [2], startsOn: '2027-01-05' });
    const maya = await buildClient(db, org.id, { familyId: family.id, firstName: 'Maya' });
    const leo = await buildClient(db, org.id, { familyId: family.id, firstName: 'Leo' });
    const stranger = await buildClient(db, org.id, { familyId: otherFamily.id });
    await buildSubscription(db, org.id, { sessionId: session.id, clientId: maya.id, startsOn: '2027-01-05' });
    await buildSubscription(db, org.id, { sessionId: session.id, clientId: leo.id, startsOn: '2027-01-05', status: 'void' });
    await buildSubscription(db, org.id, { sessionId: session.id, clientId: leo.id, startsOn: '2027-01-05', endsOn: '2027-02-02' });
    await buildSubscription(db, org.id, { sessionId: session.id, clientId: stranger.id, startsOn: '2027-01-05' });

    const rows = await calendarFeedRepository.familyEnrollmentsIn(db, org.id, family.id, { from: '2027-03-01', to: '2027-04-01' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ clientId: maya.id, firstName: 'Maya', startsOn: '2027-01-05', endsOn: null, session: { id: session.id, weekdays: [2] } });
    expect(rows[0]!.locationName).toMatch(/Pool/);
    expect(await calendarFeedRepository.familyEnrollmentsIn(db, org.id, family.id, { from: '2027-01-01', to: '2027-02-01' })).toHaveLength(2);
  });
});
