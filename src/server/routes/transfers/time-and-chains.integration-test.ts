import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildClient, buildSubscription } from '../../../db/seed/builders.js';
import { buildE1Scenario, e1Request, type E1Scenario } from '../../testing/e1-scenario.js';
import { fieldsNamed, startTestServer, type TestApi, type TestServer } from '../../testing/test-server.js';

/**
 * DESIGN.md "Time and roles" and "Chains of transfers", EXAMPLES.md E11 and E12, and each
 * defect issue 13 reproduced over HTTP: every test here failed on the code before it.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
afterEach(() => server.clock.reset());

const transfer = (api: TestApi, body: object, key = randomUUID()) => api.post('/api/transfers', body, { 'idempotency-key': key });
const payLater = { finish: { kind: 'pay_later' } };

async function e1() {
  const s = await buildE1Scenario(server.db);
  const org = s.organization.id;
  return { s, owner: server.as(org), manager: server.as(org, 'manager'), desk: server.as(org, 'front_desk') };
}

/** What a person sees of Maya: her enrollments (with state), her family's invoices and balance, and the three rosters. */
async function whatStaffSee(api: TestApi, s: E1Scenario) {
  const profile = (await api.get(`/api/clients/${s.maya.id}/profile`)).body;
  return {
    subscriptions: profile.subscriptions.map((sub: any) => ({ id: sub.id, session: sub.sessionName, startsOn: sub.startsOn, endsOn: sub.endsOn, status: sub.status })),
    invoices: profile.invoices.map((i: any) => ({ id: i.id, status: i.status, amountDue: i.amountDue })),
    balance: profile.balance,
    rosters: await Promise.all(
      [
        [s.beginnersTue.id, '2027-03-23'],
        [s.intermediateThu.id, '2027-03-25'],
        [s.swimTeamSat.id, '2027-03-27'],
      ].map(async ([id, date]) => (await api.get(`/api/sessions/${id}/roster?date=${date}`)).body.clients.map((c: any) => c.firstName)),
    ),
  };
}

describe('E11: back-dating needs a manager, and attendance is kept', () => {
  const e11 = (s: E1Scenario) => ({ ...e1Request(s), transferDate: '2027-03-23', oldEndsOn: '2027-03-16', ...payLater });

  it('front desk is refused (403) in preview and commit, naming 2027-03-16 and that a manager can; nothing changes', async () => {
    const { s, desk, owner } = await e1();
    server.clock.setToday('2027-03-20');
    const before = await whatStaffSee(owner, s);
    for (const response of [await desk.post('/api/transfers/preview', e11(s)), await transfer(desk, e11(s))]) {
      expect(response.status).toBe(403);
      expect(response.body.detail).toBe(
        'This transfer reaches back to Tue, Mar 16, 2027, before today (Sat, Mar 20, 2027). ' +
          'Only a manager can back-date: ask a manager, or choose dates from today on.',
      );
      expect(fieldsNamed(response.body)).toEqual(['body.oldEndsOn']);
    }
    expect(await whatStaffSee(owner, s)).toEqual(before);
  });

  it('a manager may, with a warning naming 2027-03-16; the record keeps the transfer date, the old end and the first date', async () => {
    const { s, manager } = await e1();
    server.clock.setToday('2027-03-20');
    const done = await transfer(manager, e11(s));
    expect(done.status).toBe(201);
    expect(done.body.warnings).toContainEqual(expect.objectContaining({ code: 'BACK_DATED', dates: ['2027-03-16'] }));
    expect(done.body.transfer).toMatchObject({ transferDate: '2027-03-23', oldEndsOn: '2027-03-16', firstSessionDate: '2027-03-25' });
    const profile = (await manager.get(`/api/clients/${s.maya.id}/profile`)).body;
    expect(profile.transfers[0]).toMatchObject({ transferDate: '2027-03-23', oldEndsOn: '2027-03-16', firstSessionDate: '2027-03-25' });
  });

  it('with attendance recorded on 2027-03-16 the change is refused for everyone (409), naming that date (defect 4)', async () => {
    const { s, manager, desk, owner } = await e1();
    server.clock.setToday('2027-03-20');
    const marked = await desk.put(`/api/sessions/${s.beginnersTue.id}/attendance`, { date: '2027-03-16', subscriptionId: s.subscription.id, present: true });
    expect(marked.status).toBe(200);
    const before = await whatStaffSee(owner, s);
    for (const api of [manager, owner]) {
      const refused = await transfer(api, e11(s));
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('ATTENDANCE_RECORDED');
      expect(refused.body.detail).toContain('Attendance is recorded in Beginners Tue on Tue, Mar 16, 2027');
      expect(fieldsNamed(refused.body)).toEqual(['body.oldEndsOn']);
    }
    // The unenroll side door is closed the same way, and the roster of that date keeps Maya.
    const unenroll = await manager.post(`/api/subscriptions/${s.subscription.id}/unenroll`, { date: '2027-03-09' });
    expect(unenroll.status).toBe(409);
    expect(unenroll.body.code).toBe('ATTENDANCE_RECORDED');
    expect(await whatStaffSee(owner, s)).toEqual(before);
    const roster = await owner.get(`/api/sessions/${s.beginnersTue.id}/roster?date=2027-03-16`);
    expect(roster.body.clients).toMatchObject([{ firstName: 'Maya', present: true }]);
    // A date with attendance can no longer be cancelled either.
    const cancel = await owner.post(`/api/sessions/${s.beginnersTue.id}/date-changes`, { date: '2027-03-16', kind: 'cancelled' });
    expect(cancel.status).toBe(409);
    expect(cancel.body.code).toBe('ATTENDANCE_RECORDED');
  });

  it('attendance for 2027-03-23 cannot be recorded on 2027-03-20 (422), and a refused mark does not block the undo (defect 5)', async () => {
    const { s, owner } = await e1();
    const done = await transfer(owner, { ...e1Request(s), ...payLater });
    server.clock.setToday('2027-03-20');
    const future = await owner.put(`/api/sessions/${s.intermediateThu.id}/attendance`, {
      date: '2027-03-25',
      subscriptionId: done.body.newSubscription.id,
      present: true,
    });
    expect(future.status).toBe(422);
    expect(future.body.code).toBe('DATE_IN_FUTURE');
    expect(future.body.detail).toBe('Attendance for Thu, Mar 25, 2027 can be recorded from that day on; today is Sat, Mar 20, 2027.');
    expect((await owner.post(`/api/transfers/${done.body.transfer.id}/undo`, {})).status).toBe(200);
  });
});

describe('E12: chains of transfers', () => {
  it('undo T1 while T2 stands → 409 naming T2’s date; undo T2, then T1 → exactly as before T1 (defect 1)', async () => {
    const { s, owner } = await e1();
    const before = await whatStaffSee(owner, s);
    const t1 = await transfer(owner, { ...e1Request(s), ...payLater });
    expect(t1.status).toBe(201);
    const t2 = await transfer(owner, {
      subscriptionId: t1.body.newSubscription.id,
      transferDate: '2027-03-25',
      targetSessionId: s.swimTeamSat.id,
      ...payLater,
    });
    expect(t2.status).toBe(201);
    const afterT2 = await whatStaffSee(owner, s);

    const refused = await owner.post(`/api/transfers/${t1.body.transfer.id}/undo`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(
      "This transfer cannot be undone: the client's Intermediate Thu enrollment was transferred again on Thu, Mar 25, 2027; undo that transfer first.",
    );
    expect(await whatStaffSee(owner, s)).toEqual(afterT2);

    expect((await owner.post(`/api/transfers/${t2.body.transfer.id}/undo`, {})).status).toBe(200);
    expect((await owner.post(`/api/transfers/${t1.body.transfer.id}/undo`, {})).status).toBe(200);
    const after = await whatStaffSee(owner, s);
    // Maya is back in Beginners Tue with no end and April open again; the two transfers' enrollments stay, void, in history.
    const live = after.subscriptions.filter((sub: any) => sub.status === 'active');
    expect(live).toEqual(before.subscriptions);
    expect(after.rosters).toEqual(before.rosters);
    expect(after.balance).toBe(before.balance);
    expect(after.invoices.filter((i: any) => before.invoices.some((b: any) => b.id === i.id))).toEqual(before.invoices);
  });

  it('transferring the Beginners Tue enrollment again from 2027-03-09 while T1 stands → 409, in preview and commit (defect 2)', async () => {
    const { s, owner } = await e1();
    expect((await transfer(owner, { ...e1Request(s), ...payLater })).status).toBe(201);
    const afterT1 = await whatStaffSee(owner, s);
    const again = { subscriptionId: s.subscription.id, transferDate: '2027-03-09', targetSessionId: s.swimTeamSat.id, ...payLater };
    for (const response of [await owner.post('/api/transfers/preview', again), await transfer(owner, again)]) {
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('ENDED_BY_TRANSFER');
      expect(response.body.detail).toBe('This enrollment in Beginners Tue was ended by a transfer on Tue, Mar 16, 2027; undo that transfer first.');
    }
    // Nor can it be ended another way while the transfer stands, and the target list says so first.
    const unenroll = await owner.post(`/api/subscriptions/${s.subscription.id}/unenroll`, { date: '2027-03-09' });
    expect(unenroll.status).toBe(409);
    expect(unenroll.body.code).toBe('ENDED_BY_TRANSFER');
    const targets = await owner.get(`/api/subscriptions/${s.subscription.id}/transfer-targets?date=2027-03-09`);
    expect(targets.status).toBe(409);
    expect(targets.body.code).toBe('ENDED_BY_TRANSFER');
    expect(await whatStaffSee(owner, s)).toEqual(afterT1);
  });

  it('two transfers of the same enrollment at once: one completes, the other is refused, never two live enrollments', async () => {
    const { s, owner } = await e1();
    const [a, b] = await Promise.all([
      transfer(owner, { ...e1Request(s), ...payLater }),
      transfer(owner, { ...e1Request(s), targetSessionId: s.swimTeamSat.id, ...payLater }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const refused = a.status === 409 ? a : b;
    expect(refused.body.code).toBe('ENDED_BY_TRANSFER');
    const live = (await whatStaffSee(owner, s)).subscriptions.filter((sub: any) => sub.status === 'active' && sub.endsOn === null);
    expect(live).toHaveLength(1);
  });

  it('undo is refused once the new enrollment was ended since', async () => {
    const { s, owner } = await e1();
    const done = await transfer(owner, { ...e1Request(s), ...payLater });
    expect((await owner.post(`/api/subscriptions/${done.body.newSubscription.id}/unenroll`, { date: '2027-04-01' })).status).toBe(200);
    const refused = await owner.post(`/api/transfers/${done.body.transfer.id}/undo`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(
      'This transfer cannot be undone: the new Intermediate Thu enrollment was ended on Thu, Apr 1, 2027 since. Transfer the client back instead.',
    );
  });
});

describe('the past through the side doors (defect 3)', () => {
  it('front desk cannot reach back through the first session date of a future transfer', async () => {
    const { s, desk } = await e1();
    server.clock.setToday('2027-03-20');
    const response = await desk.post('/api/transfers/preview', { ...e1Request(s), transferDate: '2027-03-23', firstSessionDate: '2027-03-18' });
    expect(response.status).toBe(403);
    expect(response.body.detail).toContain('reaches back to Thu, Mar 18, 2027');
    expect(fieldsNamed(response.body)).toEqual(['body.firstSessionDate']);
  });

  it('front desk cannot unenroll from a past date (the overdue April invoice stays); a manager can', async () => {
    const { s, desk, manager, owner } = await e1();
    server.clock.setToday('2027-04-05');
    const before = await whatStaffSee(owner, s);
    const refused = await desk.post(`/api/subscriptions/${s.subscription.id}/unenroll`, { date: '2027-03-30' });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('Unenrolling from this date reaches back to Tue, Mar 30, 2027');
    expect(await whatStaffSee(owner, s)).toEqual(before);
    expect((await owner.get(`/api/invoices/${s.april.id}`)).body.status).toBe('open');
    const allowed = await manager.post(`/api/subscriptions/${s.subscription.id}/unenroll`, { date: '2027-03-30' });
    expect(allowed.status).toBe(200);
    expect(allowed.body.voidedInvoiceIds).toEqual([s.april.id]);
  });

  it('front desk cannot enroll from a past start date; a manager can', async () => {
    const { s, desk, manager } = await e1();
    server.clock.setToday('2027-03-20');
    const leo = await buildClient(server.db, s.organization.id, { familyId: s.family.id, firstName: 'Leo', lastName: 'Patel' });
    const body = { clientId: leo.id, sessionId: s.intermediateThu.id, startsOn: '2027-03-11', ...payLater };
    const enroll = (api: TestApi, b: object) => api.post('/api/subscriptions', b, { 'idempotency-key': randomUUID() });
    const refused = await enroll(desk, body);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('Enrolling from this date reaches back to Thu, Mar 11, 2027');
    expect((await enroll(desk, { ...body, startsOn: '2027-03-25' })).status).toBe(201);
    const other = await buildClient(server.db, s.organization.id, { familyId: s.family.id, firstName: 'Ana', lastName: 'Patel' });
    expect((await enroll(manager, { ...body, clientId: other.id })).status).toBe(201);
  });
});

describe('smaller defects (6)', () => {
  it('checkout refuses the zero discounts an invoice refuses', async () => {
    const { s, owner } = await e1();
    for (const discount of [
      { kind: 'amount', amount: 0, reason: 'Nothing' },
      { kind: 'percent', basisPoints: 0, reason: 'Nothing' },
    ]) {
      const response = await owner.post('/api/transfers/preview', { ...e1Request(s), discounts: [discount] });
      expect(response.status).toBe(400);
      expect(fieldsNamed(response.body)).toEqual([`body.discounts.0.${discount.kind === 'amount' ? 'amount' : 'basisPoints'}`]);
    }
  });

  it('the target list refuses the dates the transfer refuses, with the same codes', async () => {
    const { s, owner, desk } = await e1();
    const targets = (api: TestApi, date: string) => api.get(`/api/subscriptions/${s.subscription.id}/transfer-targets?date=${date}`);
    const notADate = await targets(owner, '2027-03-17');
    expect(notADate.status).toBe(422);
    expect(notADate.body.code).toBe('NOT_ENROLLED_ON_DATE');
    expect(fieldsNamed(notADate.body)).toEqual(['querystring.date']);
    const beforeStart = await targets(owner, '2026-12-29');
    expect(beforeStart.body.code).toBe('NOT_ENROLLED_ON_DATE');
    server.clock.setToday('2027-03-20');
    const past = await targets(desk, '2027-03-16');
    expect(past.status).toBe(403);
    expect((await targets(owner, '2027-03-16')).status).toBe(200);
    expect((await targets(desk, '2027-03-23')).status).toBe(200);
  });

  it('one staff member’s Idempotency-Key replayed by another is refused, never answered with the first one’s transfer', async () => {
    const { s, owner, desk } = await e1();
    const key = randomUUID();
    const body = { ...e1Request(s), ...payLater };
    const first = await transfer(owner, body, key);
    expect(first.status).toBe(201);
    const replayedByAnother = await transfer(desk, body, key);
    expect(replayedByAnother.status).toBe(422);
    expect(replayedByAnother.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(JSON.stringify(replayedByAnother.body)).not.toContain(first.body.transfer.id);
    const replayedBySame = await transfer(owner, body, key);
    expect(replayedBySame.status).toBe(201);
    expect(replayedBySame.body.transfer.id).toBe(first.body.transfer.id);
  });

  it('a first date before the old end warns, naming the dates in both sessions, in preview and in the result', async () => {
    const { s, owner } = await e1();
    // Beginners Tue runs until 2027-03-30 (exclusive), Intermediate Thu starts on 2027-03-18.
    const body = { ...e1Request(s), oldEndsOn: '2027-03-30' };
    const preview = await owner.post('/api/transfers/preview', body);
    const warning = preview.body.warnings.find((w: any) => w.code === 'DOUBLE_ENROLLED');
    expect(warning).toMatchObject({ dates: ['2027-03-18', '2027-03-23', '2027-03-25'] });
    expect(warning.message).toContain('the client is in both Beginners Tue and Intermediate Thu');
    const done = await transfer(owner, { ...body, ...payLater });
    expect(done.body.warnings.map((w: any) => w.code)).toContain('DOUBLE_ENROLLED');
    // Both rosters hold Maya on the dates named.
    const tue = await owner.get(`/api/sessions/${s.beginnersTue.id}/roster?date=2027-03-23`);
    const thu = await owner.get(`/api/sessions/${s.intermediateThu.id}/roster?date=2027-03-25`);
    expect([tue.body.clients.length, thu.body.clients.length]).toEqual([1, 1]);
  });

  it('an enrollment that another client holds in the same session does not make a chain', async () => {
    const { s, owner } = await e1();
    const sibling = await buildClient(server.db, s.organization.id, { familyId: s.family.id, firstName: 'Ravi', lastName: 'Patel' });
    const siblingSubscription = await buildSubscription(server.db, s.organization.id, { sessionId: s.beginnersTue.id, clientId: sibling.id, startsOn: '2027-01-05' });
    expect((await transfer(owner, { ...e1Request(s), ...payLater })).status).toBe(201);
    const siblingMove = await transfer(owner, { ...e1Request(s), subscriptionId: siblingSubscription.id, ...payLater });
    expect(siblingMove.status).toBe(201);
  });
});
