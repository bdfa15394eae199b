import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../client.js';
import { buildClient, buildFamily, buildGuardian, buildOrganization, buildSession, buildSubscription } from '../seed/builders.js';
import { openTestDatabase } from '../testing/test-database.js';
import { transferRequestRepository } from './transfer-request-repository.js';

let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

/** A family with a guardian and a child in one session, and a second session to move to. */
async function buildFamilyWithEnrollment(organizationId: string, name: string) {
  const family = await buildFamily(db, organizationId, { name });
  const guardian = await buildGuardian(db, organizationId, { familyId: family.id, name: `${name} Parent` });
  const child = await buildClient(db, organizationId, { familyId: family.id, firstName: 'Kid', lastName: name });
  const from = await buildSession(db, organizationId, { name: `${name} Tue` });
  const to = await buildSession(db, organizationId, { name: `${name} Thu` });
  const subscription = await buildSubscription(db, organizationId, { sessionId: from.id, clientId: child.id, startsOn: '2027-01-05' });
  const ask = () =>
    transferRequestRepository.insert(db, organizationId, { familyId: family.id, guardianId: guardian.id, subscriptionId: subscription.id, targetSessionId: to.id, firstSessionDate: '2027-03-18' });
  return { family, subscription, ask };
}

describe('transferRequestRepository', () => {
  it('reads a request with its names, for its family only', async () => {
    const org = await buildOrganization(db);
    const lee = await buildFamilyWithEnrollment(org.id, 'Lee');
    const other = await buildFamilyWithEnrollment(org.id, 'Kim');
    const request = await lee.ask();
    const view = await transferRequestRepository.findView(db, org.id, request.id, { familyId: lee.family.id });
    expect(view).toMatchObject({ childName: 'Kid Lee', familyName: 'Lee', guardianName: 'Lee Parent', fromSessionName: 'Lee Tue', toSessionName: 'Lee Thu' });
    expect(await transferRequestRepository.findView(db, org.id, request.id, { familyId: other.family.id })).toBeUndefined();
    expect(await transferRequestRepository.findView(db, (await buildOrganization(db)).id, request.id)).toBeUndefined();
  });

  it('lists the queue oldest first, counts the pending, and finds the one waiting for an enrollment', async () => {
    const org = await buildOrganization(db);
    const first = await (await buildFamilyWithEnrollment(org.id, 'Ames')).ask();
    const bo = await buildFamilyWithEnrollment(org.id, 'Bo');
    const second = await bo.ask();
    const page = await transferRequestRepository.listByStatus(db, org.id, 'pending', { limit: 10, offset: 0 });
    expect(page.items.map((v) => v.request.id)).toEqual([first.id, second.id]);
    expect(page.total).toBe(2);
    expect(await transferRequestRepository.countPending(db, org.id)).toBe(2);
    expect((await transferRequestRepository.findPendingFor(db, org.id, bo.subscription.id))?.id).toBe(second.id);
    expect((await transferRequestRepository.listForFamily(db, org.id, bo.family.id)).map((v) => v.request.id)).toEqual([second.id]);
  });

  it('decides a pending request once; a second decision finds nothing pending', async () => {
    const org = await buildOrganization(db);
    const lee = await buildFamilyWithEnrollment(org.id, 'Lee');
    const request = await lee.ask();
    const declined = await transferRequestRepository.decide(db, org.id, request.id, { status: 'declined', decidedByUserId: 'staff-1', decisionReason: 'Full', transferId: null });
    expect(declined).toMatchObject({ status: 'declined', decisionReason: 'Full' });
    expect(declined!.decidedAt).toBeInstanceOf(Date);
    expect(await transferRequestRepository.decide(db, org.id, request.id, { status: 'withdrawn', decidedByUserId: null, decisionReason: null, transferId: null })).toBeUndefined();
    expect(await transferRequestRepository.countPending(db, org.id)).toBe(0);
  });

  it('keeps one pending request per enrollment; a decided one does not count', async () => {
    const org = await buildOrganization(db);
    const lee = await buildFamilyWithEnrollment(org.id, 'Lee');
    const request = await lee.ask();
    await expect(lee.ask()).rejects.toThrow();
    await transferRequestRepository.decide(db, org.id, request.id, { status: 'withdrawn', decidedByUserId: null, decisionReason: null, transferId: null });
    expect((await lee.ask()).status).toBe('pending');
  });

  it('an approved request must name its transfer', async () => {
    const org = await buildOrganization(db);
    const request = await (await buildFamilyWithEnrollment(org.id, 'Lee')).ask();
    await expect(transferRequestRepository.decide(db, org.id, request.id, { status: 'approved', decidedByUserId: 'staff-1', decisionReason: null, transferId: null })).rejects.toThrow();
  });
});
