import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, messages, subscriptions, transferRequests, transfers } from '../../../db/schema/index.js';
import { buildClient, buildFamily, buildGuardian, buildSession, buildSubscription } from '../../../db/seed/builders.js';
import { buildE1Scenario, type E1Scenario } from '../../testing/e1-scenario.js';
import { MISSING_ID, startTestServer, type TestApi, type TestServer } from '../../testing/test-server.js';

/**
 * DESIGN.md "The family portal": a guardian asks to move a child's enrollment; staff approve
 * through the normal transfer (one transaction with the approval) or decline with a reason;
 * the organization's rules can approve at once. Today is Sunday 2027-03-14: Maya is in
 * Beginners Tue (Group Lessons, $80), Intermediate Thu is Group Lessons at $100.
 */
const TODAY = '2027-03-14';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  server.clock.setToday(TODAY);
});
afterAll(() => server?.close());

interface World {
  s: E1Scenario;
  guardianId: string;
  guardian: TestApi;
  desk: TestApi;
  manager: TestApi;
  /** Group Lessons at Maya's price ($80) on Wednesdays: what the rules may approve at once. */
  beginnersWed: { id: string };
}

async function world(): Promise<World> {
  const s = await buildE1Scenario(server.db);
  const orgId = s.organization.id;
  const owner = server.as(orgId, 'owner');
  const guardianId = (await owner.get(`/api/guardians?familyId=${s.family.id}`)).body.items[0].id;
  const beginnersWed = await buildSession(server.db, orgId, {
    name: 'Beginners Wed',
    serviceId: s.beginnersTue.serviceId,
    weekdays: [3],
    startTime: '16:00:00',
    durationMinutes: 45,
    startsOn: '2027-01-06',
    price: 8000,
    capacity: 10,
  });
  return { s, guardianId, guardian: server.asGuardian(orgId, { id: guardianId, name: 'Priya Patel' }), desk: server.as(orgId, 'front_desk'), manager: server.as(orgId, 'manager'), beginnersWed };
}

const ask = (w: World, body: Record<string, unknown>, key = randomUUID()) =>
  w.guardian.post('/api/portal/transfer-requests', { subscriptionId: w.s.subscription.id, targetSessionId: w.s.intermediateThu.id, firstSessionDate: '2027-03-18', ...body }, { 'idempotency-key': key });

const approve = (w: World, requestId: string, body: Record<string, unknown> = {}) =>
  w.desk.post(
    '/api/transfers',
    { subscriptionId: w.s.subscription.id, transferDate: '2027-03-16', targetSessionId: w.s.intermediateThu.id, firstSessionDate: '2027-03-18', finish: { kind: 'pay_later' }, transferRequestId: requestId, ...body },
    { 'idempotency-key': randomUUID() },
  );

async function familyMessages(w: World, topic: string) {
  return server.db
    .select()
    .from(messages)
    .where(and(eq(messages.organizationId, w.s.organization.id), eq(messages.familyId, w.s.family.id), eq(messages.topic, topic as never)));
}

describe('what a guardian may move to', () => {
  it("lists the other sessions with when, where, free seats and coming dates, never today's", async () => {
    const w = await world();
    const response = await w.guardian.get(`/api/portal/enrollments/${w.s.subscription.id}/transfer-targets`);
    expect(response.status).toBe(200);
    expect(response.body.childName).toBe('Maya Patel');
    const thu = response.body.targets.find((t: any) => t.sessionName === 'Intermediate Thu');
    expect(thu).toMatchObject({ startTime: '17:00', weekdays: [4], freeSeats: 10, full: false });
    expect(thu.dates[0]).toEqual({ date: '2027-03-18', freeSeats: 10, selectable: true });
    expect(response.body.targets.some((t: any) => t.sessionName === 'Beginners Tue')).toBe(false);
    expect(response.body.targets.every((t: any) => t.dates.every((d: any) => d.date > TODAY))).toBe(true);
    // Staff's own fields stay with staff.
    expect(thu.instructorName).toBeUndefined();
  });

  it('lists a full session as full, with no date to choose', async () => {
    const w = await world();
    const tiny = await buildSession(server.db, w.s.organization.id, { name: 'Tiny Fri', serviceId: w.s.beginnersTue.serviceId, weekdays: [5], startsOn: '2027-01-01', capacity: 1, price: 8000 });
    await buildSubscription(server.db, w.s.organization.id, { sessionId: tiny.id, clientId: (await buildClient(server.db, w.s.organization.id)).id, startsOn: '2027-01-01' });
    const tinyTarget = (await w.guardian.get(`/api/portal/enrollments/${w.s.subscription.id}/transfer-targets`)).body.targets.find((t: any) => t.sessionName === 'Tiny Fri');
    expect(tinyTarget.full).toBe(true);
    expect(tinyTarget.dates.every((d: any) => !d.selectable)).toBe(true);
    const refused = await ask(w, { targetSessionId: tiny.id, firstSessionDate: '2027-03-19' });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe('Tiny Fri has no free seat from that date; choose another date or session.');
  });

  it("another family's enrollment is not found", async () => {
    const w = await world();
    const other = await buildClient(server.db, w.s.organization.id, { familyId: (await buildFamily(server.db, w.s.organization.id)).id });
    const theirs = await buildSubscription(server.db, w.s.organization.id, { sessionId: w.s.beginnersTue.id, clientId: other.id, startsOn: '2027-01-05' });
    expect((await w.guardian.get(`/api/portal/enrollments/${theirs.id}/transfer-targets`)).status).toBe(404);
    const asked = await ask(w, { subscriptionId: theirs.id });
    expect(asked.status).toBe(404);
    expect(await server.db.select().from(transferRequests).where(eq(transferRequests.subscriptionId, theirs.id))).toEqual([]);
  });
});

describe('a guardian asks', () => {
  it('sends a request with a note; staff see it in the queue, oldest first, and the badge counts it', async () => {
    const w = await world();
    const asked = await ask(w, { note: 'Tuesdays clash with piano.' });
    expect(asked.status).toBe(201);
    expect(asked.body.request).toMatchObject({ status: 'pending', childName: 'Maya Patel', from: { sessionName: 'Beginners Tue' }, to: { sessionName: 'Intermediate Thu' }, firstSessionDate: '2027-03-18', note: 'Tuesdays clash with piano.' });
    const queue = await w.desk.get('/api/transfer-requests?status=pending');
    expect(queue.status).toBe(200);
    expect(queue.body.items).toHaveLength(1);
    expect(queue.body.items[0]).toMatchObject({ familyName: 'Patel', guardianName: 'Priya Patel', childName: 'Maya Patel', note: 'Tuesdays clash with piano.' });
    expect((await w.desk.get('/api/transfer-requests/pending-count')).body).toEqual({ pending: 1 });
    const detail = await w.desk.get(`/api/transfer-requests/${asked.body.request.id}`);
    // Approving today leaves Beginners Tue from Tuesday the 16th, the week Thursday the 18th replaces.
    expect(detail.body).toMatchObject({ transferDate: '2027-03-16', changed: null });
    expect((await w.guardian.get('/api/portal/transfer-requests')).body.items.map((r: any) => r.status)).toEqual(['pending']);
  });

  it('a retry with the same key makes one request; a second request for the enrollment waits for the first', async () => {
    const w = await world();
    const key = randomUUID();
    expect((await ask(w, {}, key)).status).toBe(201);
    const again = await ask(w, {}, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const second = await ask(w, { firstSessionDate: '2027-03-25' });
    expect(second.status).toBe(409);
    expect(second.body.detail).toMatch(/already asked to move Maya Patel from Beginners Tue/);
    expect((await w.desk.get('/api/transfer-requests/pending-count')).body.pending).toBe(1);
  });

  it('the database keeps one pending request per enrollment', async () => {
    const w = await world();
    expect((await ask(w, {})).status).toBe(201);
    const row = { organizationId: w.s.organization.id, familyId: w.s.family.id, guardianId: w.guardianId, subscriptionId: w.s.subscription.id, targetSessionId: w.s.swimTeamSat.id, firstSessionDate: '2027-03-20' };
    await expect(server.db.insert(transferRequests).values(row)).rejects.toThrow();
    await server.db.insert(transferRequests).values({ ...row, status: 'withdrawn' });
  });

  it.each([
    ['today', { firstSessionDate: TODAY }, 400, /must be after today \(Sun, Mar 14, 2027\)/],
    ['a day the session does not meet', { firstSessionDate: '2027-03-19' }, 422, /Intermediate Thu does not meet on that date; choose one of its coming dates such as Thu, Mar 25, 2027/],
    ['the session Maya is in', { targetSessionId: 'same' }, 422, /Maya Patel is already in Beginners Tue/],
    ['a session that does not exist', { targetSessionId: MISSING_ID }, 404, /No session has this id/],
  ] as [string, Record<string, string>, number, RegExp][])('refuses %s, saying what to choose, and stores nothing', async (_, change, status, detail) => {
    const w = await world();
    const body = { ...change, ...(change.targetSessionId === 'same' ? { targetSessionId: w.s.beginnersTue.id } : {}) };
    const response = await ask(w, body);
    expect(response.status).toBe(status);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body.detail).toMatch(detail);
    expect((await w.desk.get('/api/transfer-requests/pending-count')).body.pending).toBe(0);
  });

  it('refuses a note longer than 1000 characters', async () => {
    const w = await world();
    const response = await ask(w, { note: 'x'.repeat(1001) });
    expect(response.status).toBe(400);
    expect(response.body.fields[0].field).toBe('body.note');
  });

  it('withdraws a pending request (once); another family cannot', async () => {
    const w = await world();
    const id = (await ask(w, {})).body.request.id;
    const stranger = await buildGuardian(server.db, w.s.organization.id, { familyId: (await buildFamily(server.db, w.s.organization.id)).id });
    expect((await server.asGuardian(w.s.organization.id, { id: stranger.id }).post(`/api/portal/transfer-requests/${id}/withdraw`, {})).status).toBe(404);
    const withdrawn = await w.guardian.post(`/api/portal/transfer-requests/${id}/withdraw`, {});
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', decidedBy: 'guardian' });
    const again = await w.guardian.post(`/api/portal/transfer-requests/${id}/withdraw`, {});
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/was withdrawn by the guardian/);
    // Withdrawn, the enrollment may be asked about again.
    expect((await ask(w, {})).status).toBe(201);
  });
});

describe('staff approve through the transfer', () => {
  it('one transaction: the transfer is made, the request approved with it, and the family told where and from when', async () => {
    const w = await world();
    const id = (await ask(w, {})).body.request.id;
    const done = await approve(w, id);
    expect(done.status).toBe(201);
    const request = (await w.desk.get(`/api/transfer-requests/${id}`)).body;
    expect(request).toMatchObject({ status: 'approved', decidedBy: 'staff', transferId: done.body.transfer.id });
    const [told] = await familyMessages(w, 'transfer_request_approved');
    expect(told!.subject).toBe('Approved: Maya Patel moves to Intermediate Thu from Thu, Mar 18, 2027');
    expect(told!.textBody).toContain('Maya Patel moves from Beginners Tue to Intermediate Thu (Thu 17:00)');
    expect((await w.guardian.get('/api/portal/transfer-requests')).body.items[0].status).toBe('approved');
    expect((await w.desk.get('/api/transfer-requests/pending-count')).body.pending).toBe(0);
  });

  it('two approvals of one request at once make one transfer; the other is told it was approved', async () => {
    const w = await world();
    const id = (await ask(w, {})).body.request.id;
    const [a, b] = await Promise.all([approve(w, id), approve(w, id)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const refused = a.status === 409 ? a : b;
    expect(refused.body.detail).toMatch(/already approved/);
    expect(await server.db.select().from(transfers).where(and(eq(transfers.organizationId, w.s.organization.id), eq(transfers.fromSubscriptionId, w.s.subscription.id)))).toHaveLength(1);
  });

  it('refuses a transfer that is not the one asked for, and changes nothing', async () => {
    const w = await world();
    const id = (await ask(w, {})).body.request.id;
    const other = await approve(w, id, { targetSessionId: w.s.swimTeamSat.id, firstSessionDate: '2027-03-20' });
    expect(other.status).toBe(400);
    expect(other.body.detail).toMatch(/not the one the guardian asked for/);
    expect((await w.desk.get(`/api/transfer-requests/${id}`)).body.status).toBe('pending');
  });

  it('a staff transfer of the enrollment refuses its waiting request at once, with the reason, and the guardian is told', async () => {
    const w = await world();
    const id = (await ask(w, {})).body.request.id;
    const elsewhere = await w.desk.post(
      '/api/transfers',
      { subscriptionId: w.s.subscription.id, transferDate: '2027-03-16', targetSessionId: w.s.swimTeamSat.id, finish: { kind: 'pay_later' } },
      { 'idempotency-key': randomUUID() },
    );
    expect(elsewhere.status).toBe(201);
    const reason = "Maya Patel's enrollment in Beginners Tue was moved to another session since you asked; ask again if you still want a change.";
    const mine = (await w.guardian.get('/api/portal/transfer-requests')).body.items[0];
    expect(mine).toMatchObject({ status: 'refused', decisionReason: reason });
    expect((await w.desk.get('/api/transfer-requests/pending-count')).body.pending).toBe(0);
    const [told] = await familyMessages(w, 'transfer_request_declined');
    expect(told!.textBody).toContain('could not be carried out');
    // Approving it afterwards says what happened to it; still one transfer: the one to Swim Team Sat.
    const late = await approve(w, id);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('REQUEST_DECIDED');
    expect(late.body.detail).toMatch(/was refused because its enrollment changed/);
    expect(await server.db.select().from(transfers).where(eq(transfers.organizationId, w.s.organization.id))).toHaveLength(1);
  });

  it('an unenrollment refuses the waiting request at once', async () => {
    const w = await world();
    const id = (await ask(w, {})).body.request.id;
    expect((await w.desk.post(`/api/subscriptions/${w.s.subscription.id}/unenroll`, { date: '2027-03-23' })).status).toBe(200);
    const request = (await w.desk.get(`/api/transfer-requests/${id}`)).body;
    expect(request.status).toBe('refused');
    expect(request.decisionReason).toMatch(/Maya Patel's enrollment in Beginners Tue was changed since you asked \(it now ends on/);
  });

  it('undoing the transfer that made the enrollment refuses the request waiting on it', async () => {
    const w = await world();
    const moved = await w.manager.post(
      '/api/transfers',
      { subscriptionId: w.s.subscription.id, transferDate: '2027-03-16', targetSessionId: w.beginnersWed.id, finish: { kind: 'pay_later' } },
      { 'idempotency-key': randomUUID() },
    );
    const wedSubscription = moved.body.newSubscription.id;
    const id = (
      await w.guardian.post(
        '/api/portal/transfer-requests',
        { subscriptionId: wedSubscription, targetSessionId: w.s.intermediateThu.id, firstSessionDate: '2027-03-25' },
        { 'idempotency-key': randomUUID() },
      )
    ).body.request.id;
    expect((await w.manager.post(`/api/transfers/${moved.body.transfer.id}/undo`, {})).status).toBe(200);
    const request = (await w.desk.get(`/api/transfer-requests/${id}`)).body;
    expect(request.status).toBe('refused');
    expect(request.decisionReason).toMatch(/Maya Patel's enrollment in Beginners Wed was cancelled since you asked/);
  });

  it('an enrollment changed some other way is found at approval: the request is refused with the reason, and nothing moves', async () => {
    const w = await world();
    const id = (await ask(w, {})).body.request.id;
    // A change no request-aware service made (e.g. a correction in the database).
    await server.db
      .update(subscriptions)
      .set({ endsOn: '2027-04-06' })
      .where(and(eq(subscriptions.organizationId, w.s.organization.id), eq(subscriptions.id, w.s.subscription.id)));
    const refused = await approve(w, id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ENROLLMENT_CHANGED');
    expect(refused.body.detail).toMatch(/Maya Patel's enrollment in Beginners Tue was changed since you asked/);
    expect((await w.desk.get(`/api/transfer-requests/${id}`)).body.status).toBe('refused');
    expect(await server.db.select().from(transfers).where(eq(transfers.organizationId, w.s.organization.id))).toHaveLength(0);
  });
});

describe('staff decline', () => {
  it('with a reason the guardian reads, told by email; a reason is required; once only', async () => {
    const w = await world();
    const id = (await ask(w, {})).body.request.id;
    const noReason = await w.desk.post(`/api/transfer-requests/${id}/decline`, {});
    expect(noReason.status).toBe(400);
    const declined = await w.desk.post(`/api/transfer-requests/${id}/decline`, { reason: 'Intermediate needs a swim assessment first.' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined', decidedBy: 'staff', decisionReason: 'Intermediate needs a swim assessment first.' });
    const [told] = await familyMessages(w, 'transfer_request_declined');
    expect(told!.subject).toBe('Your request for Maya Patel was declined');
    expect(told!.textBody).toContain('The reason: Intermediate needs a swim assessment first.');
    expect((await w.desk.post(`/api/transfer-requests/${id}/decline`, { reason: 'Again' })).status).toBe(409);
    expect((await approve(w, id)).status).toBe(409);
  });

  it("a guardian cannot reach staff's queue; an instructor cannot decline", async () => {
    const w = await world();
    const id = (await ask(w, {})).body.request.id;
    expect((await w.guardian.get('/api/transfer-requests')).status).toBe(403);
    expect((await w.guardian.post(`/api/transfer-requests/${id}/decline`, { reason: 'no' })).status).toBe(403);
    expect((await server.as(w.s.organization.id, 'instructor').post(`/api/transfer-requests/${id}/decline`, { reason: 'no' })).status).toBe(403);
  });
});

describe("the organization's rules approve at once", () => {
  it('same service, same price, a free seat, not back-dated: approved with Pay Later, the rules recorded as the actor', async () => {
    const w = await world();
    expect((await w.desk.patch('/api/organization/billing-settings', { autoApproveTransferRequests: true })).status).toBe(403);
    expect((await w.manager.patch('/api/organization/billing-settings', { autoApproveTransferRequests: true })).body.autoApproveTransferRequests).toBe(true);
    const asked = await ask(w, { targetSessionId: w.beginnersWed.id, firstSessionDate: '2027-03-17' });
    expect(asked.status).toBe(201);
    expect(asked.body.request).toMatchObject({ status: 'approved', decidedBy: 'rules' });
    const [transfer] = await server.db.select().from(transfers).where(eq(transfers.id, asked.body.request.transferId));
    expect(transfer).toMatchObject({ checkout: 'pay_later', actorUserId: null, firstSessionDate: '2027-03-17', transferDate: '2027-03-16' });
    const audit = await server.db.select().from(auditEvents).where(and(eq(auditEvents.organizationId, w.s.organization.id), eq(auditEvents.entityId, asked.body.request.id)));
    expect(audit.map((a) => [a.action, a.actorRole])).toContainEqual(['transfer_request.approved_automatically', 'organization_rules']);
    expect(await familyMessages(w, 'transfer_request_approved')).toHaveLength(1);
    expect(await familyMessages(w, 'transfer_done')).toHaveLength(1);
  });

  it('another price waits for staff', async () => {
    const w = await world();
    await w.manager.patch('/api/organization/billing-settings', { autoApproveTransferRequests: true });
    const asked = await ask(w, {});
    expect(asked.body.request.status).toBe('pending');
    expect(await server.db.select().from(transfers).where(eq(transfers.organizationId, w.s.organization.id))).toEqual([]);
  });

  it('off by default: the same move waits for staff', async () => {
    const w = await world();
    const asked = await ask(w, { targetSessionId: w.beginnersWed.id, firstSessionDate: '2027-03-17' });
    expect(asked.body.request.status).toBe('pending');
  });
});
