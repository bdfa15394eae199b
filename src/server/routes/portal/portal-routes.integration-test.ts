import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardianRepository } from '../../../db/repositories/guardian-repository.js';
import { buildClient, buildFamily, buildGuardian } from '../../../db/seed/builders.js';
import { buildE1Scenario, type E1Scenario } from '../../testing/e1-scenario.js';
import { MISSING_ID, startTestServer, type TestApi, type TestServer } from '../../testing/test-server.js';

/**
 * DESIGN.md "The family portal": a guardian sees their own family only: children, classes and
 * next dates, invoices, statement, and their own contacts and email choices. Another family's
 * ids are not found, and nothing changes.
 */
let server: TestServer;
let s: E1Scenario;
let priyaId: string;
let priya: TestApi;
/** The Okafors: a second family of the same organization. */
let other: { familyId: string; guardianId: string; subscriptionId: string; invoiceId: string };

beforeAll(async () => {
  server = await startTestServer();
  server.clock.setToday('2027-03-16');
  s = await buildE1Scenario(server.db);
  const manager = server.as(s.organization.id, 'manager');
  // Beginners Tue is off on 23 March and moved to Wednesday 31 March at 17:30.
  await manager.post(`/api/sessions/${s.beginnersTue.id}/date-changes`, { date: '2027-03-23', kind: 'cancelled', reason: 'Pool closed' });
  await manager.post(`/api/sessions/${s.beginnersTue.id}/date-changes`, { date: '2027-03-30', kind: 'moved', toDate: '2027-03-31', toStartTime: '17:30' });
  priyaId = (await guardianRepository.listForFamilies(server.db, s.organization.id, [s.family.id]))[0]!.id;
  priya = server.asGuardian(s.organization.id, { id: priyaId, name: 'Priya Patel' });

  const okafor = await buildFamily(server.db, s.organization.id, { name: 'Okafor' });
  const ada = await buildGuardian(server.db, s.organization.id, { familyId: okafor.id, name: 'Ada Okafor', email: `ada-${randomUUID().slice(0, 8)}@example.test` });
  const chidi = await buildClient(server.db, s.organization.id, { familyId: okafor.id, firstName: 'Chidi', lastName: 'Okafor' });
  const enrolled = await manager.post(
    '/api/subscriptions',
    { clientId: chidi.id, sessionId: s.swimTeamSat.id, startsOn: '2027-03-20', finish: { kind: 'pay_later' } },
    { 'idempotency-key': randomUUID() },
  );
  if (enrolled.status !== 201) throw new Error(JSON.stringify(enrolled.body));
  const okaforInvoices = (await manager.get(`/api/families/${okafor.id}/balance`)).body.invoices;
  other = { familyId: okafor.id, guardianId: ada.id, subscriptionId: enrolled.body.subscription.id, invoiceId: okaforInvoices[0].id };
});
afterAll(() => server?.close());

describe("the family's classes and next dates", () => {
  it('lists each child with their classes; the next dates show the cancelled date and the moved one at its new time', async () => {
    const family = await priya.get('/api/portal/family');
    expect(family.status).toBe(200);
    expect(family.body.familyName).toBe('Patel');
    expect(family.body.today).toBe('2027-03-16');
    expect(family.body.children.map((c: { firstName: string }) => c.firstName)).toEqual(['Maya']);
    const [enrollment, ...more] = family.body.children[0].enrollments;
    expect(more).toEqual([]);
    expect(enrollment).toMatchObject({ subscriptionId: s.subscription.id, sessionName: 'Beginners Tue', serviceName: 'Group Lessons', weekdays: [2], startTime: '16:00', startsOn: '2027-01-05', endsOn: null });
    expect(enrollment.locationName).toMatch(/^Pool /);
    expect(enrollment.instructorName).toMatch(/^Instructor /);
    expect(enrollment.nextDates.map((d: { date: string; localStartTime: string; status: string }) => `${d.date} ${d.localStartTime} ${d.status}`)).toEqual([
      '2027-03-16 16:00 scheduled',
      '2027-03-23 16:00 cancelled',
      '2027-03-31 17:30 moved',
      '2027-04-06 16:00 scheduled',
      '2027-04-13 16:00 scheduled',
      '2027-04-20 16:00 scheduled',
      '2027-04-27 16:00 scheduled',
      '2027-05-04 16:00 scheduled',
    ]);
    expect(JSON.stringify(family.body)).not.toContain('Chidi');
  });

  it("opens one of the family's classes; another family's or an unknown id is not found", async () => {
    const own = await priya.get(`/api/portal/enrollments/${s.subscription.id}`);
    expect(own.status).toBe(200);
    expect(own.body.nextDates).toHaveLength(8);
    for (const id of [other.subscriptionId, MISSING_ID]) {
      const refused = await priya.get(`/api/portal/enrollments/${id}`);
      expect(refused.status).toBe(404);
      expect(refused.body.detail).toBe('None of your family’s current classes has this id.');
    }
  });
});

describe("the family's invoices and statement", () => {
  it('lists the invoices newest first with what is due, the balance and the account credit', async () => {
    const invoices = await priya.get('/api/portal/invoices');
    expect(invoices.status).toBe(200);
    expect(invoices.body).toMatchObject({ currency: 'USD', balance: 8000, accountCredit: 0 });
    expect(invoices.body.invoices.map((i: { id: string; status: string; total: number; paid: number; amountDue: number }) => [i.id, i.status, i.total, i.paid, i.amountDue])).toEqual([
      [s.april.id, 'open', 8000, 0, 8000],
      [s.march.id, 'paid', 8000, 8000, 0],
    ]);
    expect(invoices.body.invoices[0].lines[0].description).toBe('Beginners Tue — April 2027');
    expect(invoices.body.invoices[0]).not.toHaveProperty('payments');
  });

  it("opens one of the family's invoices; another family's is not found", async () => {
    expect((await priya.get(`/api/portal/invoices/${s.april.id}`)).body.amountDue).toBe(8000);
    const refused = await priya.get(`/api/portal/invoices/${other.invoiceId}`);
    expect(refused.status).toBe(404);
    expect(JSON.stringify(refused.body)).not.toContain('Okafor');
  });

  it('gives the statement with the running balance, without the names of staff', async () => {
    const statement = await priya.get('/api/portal/statement?from=2027-01-01&to=2027-04-01');
    expect(statement.status).toBe(200);
    expect(statement.body).toMatchObject({ familyId: s.family.id, openingBalance: 0, closingBalance: 8000 });
    expect(statement.body.entries.map((e: { amount: number; balance: number }) => [e.amount, e.balance])).toEqual([
      [8000, 8000],
      [-8000, 0],
      [8000, 8000],
    ]);
    expect(statement.body.entries[0]).not.toHaveProperty('actorName');
    const backwards = await priya.get('/api/portal/statement?from=2027-04-01&to=2027-01-01');
    expect(backwards.status).toBe(400);
  });
});

describe("the guardian's own contacts and email choices", () => {
  it('changes their name and phone, which staff then see; an email change is refused and nothing changes', async () => {
    const account = await priya.get('/api/portal/account');
    expect(account.body).toMatchObject({ guardianId: priyaId, name: 'Priya Patel', phone: '+1 555 010 2030', mutedKinds: [] });
    const changed = await priya.patch('/api/portal/account/contact', { name: 'Priya Patel-Shah', phone: '+1 555 010 4444' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Priya Patel-Shah', phone: '+1 555 010 4444' });
    expect((await server.as(s.organization.id, 'front_desk').get(`/api/guardians/${priyaId}`)).body.phone).toBe('+1 555 010 4444');

    const email = await priya.patch('/api/portal/account/contact', { name: 'Priya', phone: null, email: 'new@example.test' });
    expect(email.status).toBe(400);
    expect(email.body.detail).toBe(`Your email address is also how you sign in, so only ${s.organization.name} can change it; ask them. Nothing was changed.`);
    expect((await priya.get('/api/portal/account')).body.name).toBe('Priya Patel-Shah');

    const badPhone = await priya.patch('/api/portal/account/contact', { name: 'Priya', phone: 'call me' });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.fields).toEqual([{ field: 'body.phone', message: 'must be a phone number, e.g. +1 555 010 2030' }]);
  });

  it("turns off reminder emails, as staff see on the family page; the other family's choices stay as they were", async () => {
    const chosen = await priya.put('/api/portal/account/message-preferences', { mutedKinds: ['reminders'] });
    expect(chosen.status).toBe(200);
    expect(chosen.body.mutedKinds).toEqual(['reminders']);
    const desk = server.as(s.organization.id, 'front_desk');
    expect((await desk.get(`/api/guardians/${priyaId}/message-preferences`)).body.mutedKinds).toEqual(['reminders']);
    expect((await desk.get(`/api/guardians/${other.guardianId}/message-preferences`)).body.mutedKinds).toEqual([]);
  });
});

describe('a guardian of the other family', () => {
  it('sees only the Okafors', async () => {
    const ada = server.asGuardian(s.organization.id, { id: other.guardianId, name: 'Ada Okafor' });
    const family = await ada.get('/api/portal/family');
    expect(family.body.children.map((c: { firstName: string }) => c.firstName)).toEqual(['Chidi']);
    expect(family.body.children[0].enrollments[0].nextDates[0]).toMatchObject({ date: '2027-03-20', localStartTime: '09:00', status: 'scheduled' });
    expect((await ada.get(`/api/portal/invoices/${s.april.id}`)).status).toBe(404);
    expect((await ada.get(`/api/portal/enrollments/${s.subscription.id}`)).status).toBe(404);
  });
});
