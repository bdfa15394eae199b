import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardianRepository } from '../../../db/repositories/guardian-repository.js';
import { auditEvents, authUsers } from '../../../db/schema/index.js';
import { buildGuardian, buildOrganization } from '../../../db/seed/builders.js';
import { buildE1Scenario } from '../../testing/e1-scenario.js';
import { startSmtpInbox, type SmtpInbox } from '../../testing/smtp-inbox.js';
import { MISSING_ID, startTestServer, type TestServer } from '../../testing/test-server.js';
import { smtpTransport } from '../../services/notifications/mail-transport.js';
import { sendWaitingMessages } from '../../services/notifications/send-waiting-messages.js';

/** DESIGN.md "The family portal": staff invite a guardian by email; the link lets them choose a password and sign in. */
let server: TestServer;
let inbox: SmtpInbox;
const organizationIds: string[] = [];
beforeAll(async () => {
  [server, inbox] = await Promise.all([startTestServer(), startSmtpInbox()]);
});
afterAll(async () => {
  await server?.close();
  await inbox?.close();
});

async function sendNow() {
  const transport = smtpTransport(inbox.url);
  try {
    return await sendWaitingMessages(server.db, transport, { fromAddress: 'office@riverside.example.test', organizationIds });
  } finally {
    transport.close();
  }
}

const newEmail = (who: string) => `${who}-${randomUUID().slice(0, 8)}@example.test`;

async function scenario() {
  const s = await buildE1Scenario(server.db);
  organizationIds.push(s.organization.id);
  const priya = (await guardianRepository.listForFamilies(server.db, s.organization.id, [s.family.id]))[0]!;
  const email = newEmail('priya');
  await guardianRepository.update(server.db, s.organization.id, priya.id, { email });
  return { ...s, priya: { ...priya, email } };
}

const post = (path: string, body: object) =>
  fetch(`${server.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1' }, body: JSON.stringify(body) });

/** The invitation's link in the latest email to this address. */
function linkIn(email: string): URL {
  const mails = inbox.to(email);
  const text = mails.at(-1)!.text!;
  return new URL(/http\S+\/portal\/welcome\?\S+/.exec(text)![0]);
}

describe('inviting a guardian to the family portal', () => {
  it('emails a link; the guardian chooses a password with it, signs in and sees their family', async () => {
    const s = await scenario();
    const before = await server.as(s.organization.id, 'front_desk').get(`/api/guardians/${s.priya.id}/portal-invitation`);
    expect(before.body).toMatchObject({ status: 'not_invited', invitedAt: null });

    const invited = await server.as(s.organization.id, 'front_desk').post(`/api/guardians/${s.priya.id}/portal-invitation`, {});
    expect(invited.status).toBe(200);
    expect(invited.body.status).toBe('invited');
    expect(invited.body.invitedAt).not.toBeNull();

    await sendNow();
    const [mail] = inbox.to(s.priya.email);
    expect(mail!.subject).toBe(`Your ${s.organization.name} family portal`);
    expect(mail!.text).toContain('Open this link within 7 days to choose your password: http://localhost:3000/portal/welcome?token=');
    const link = linkIn(s.priya.email);
    expect(link.searchParams.get('email')).toBe(s.priya.email);

    // The welcome page posts the token with the chosen password; the staff password policy applies.
    const tooShort = await post('/api/auth/reset-password', { token: link.searchParams.get('token'), newPassword: 'short' });
    expect(tooShort.status).toBe(400);
    const chosen = await post('/api/auth/reset-password', { token: link.searchParams.get('token'), newPassword: 'priya-chose-this-2027' });
    expect(chosen.status).toBe(200);
    const signedIn = await server.signIn(s.priya.email, 'priya-chose-this-2027');
    expect(signedIn.response.status).toBe(200);
    const me = await server.withCookie(signedIn.cookie).get('/api/portal/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ guardian: { id: s.priya.id, name: 'Priya Patel' }, familyId: s.family.id });
    expect((await server.withCookie(signedIn.cookie).get('/api/me')).status).toBe(403);

    const after = await server.as(s.organization.id, 'front_desk').get(`/api/guardians/${s.priya.id}/portal-invitation`);
    expect(after.body.status).toBe('signed_in');

    // Staff see the email on the family page, not its link; the audit names who invited.
    const listed = (await server.as(s.organization.id, 'manager').get(`/api/families/${s.family.id}/messages`)).body.items;
    const message = listed.find((m: { topic: string }) => m.topic === 'portal_invitation');
    expect(message.recipient.name).toBe('Priya Patel');
    const read = await server.as(s.organization.id, 'manager').get(`/api/messages/${message.id}`);
    expect(read.body.text).not.toContain(link.searchParams.get('token'));
    const audit = await server.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, s.organization.id), eq(auditEvents.entityId, s.priya.id), eq(auditEvents.action, 'guardian.portal_invited')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorRole).toBe('front_desk');
  });

  it('a new invitation sends a fresh link and the earlier one stops working; a forgotten password is reset by email too', async () => {
    const s = await scenario();
    const desk = server.as(s.organization.id, 'front_desk');
    await desk.post(`/api/guardians/${s.priya.id}/portal-invitation`, {});
    await sendNow();
    const first = linkIn(s.priya.email).searchParams.get('token');
    const again = await desk.post(`/api/guardians/${s.priya.id}/portal-invitation`, {});
    expect(again.status).toBe(200);
    await sendNow();
    expect(inbox.to(s.priya.email)).toHaveLength(2);
    const second = linkIn(s.priya.email).searchParams.get('token');
    expect(second).not.toBe(first);

    const old = await post('/api/auth/reset-password', { token: first, newPassword: 'priya-chose-this-2027' });
    expect(old.status).toBe(400);
    expect((await old.json()).detail).toContain('old or was used');
    expect((await post('/api/auth/reset-password', { token: second, newPassword: 'priya-chose-this-2027' })).status).toBe(200);
    expect((await server.signIn(s.priya.email, 'priya-chose-this-2027')).response.status).toBe(200);

    expect((await post('/api/auth/request-password-reset', { email: s.priya.email, redirectTo: '/reset-password' })).status).toBe(200);
    await expect
      .poll(
        async () => {
          await sendNow();
          return inbox.to(s.priya.email).length;
        },
        { timeout: 5_000 },
      )
      .toBe(3);
    expect(inbox.to(s.priya.email).at(-1)!.subject).toBe(`Reset your ${s.organization.name} password`);
  });

  it('refuses a guardian without an email address, and changes nothing', async () => {
    const s = await scenario();
    const noEmail = await buildGuardian(server.db, s.organization.id, { familyId: s.family.id, name: 'Raj Patel', email: null });
    const refused = await server.as(s.organization.id, 'front_desk').post(`/api/guardians/${noEmail.id}/portal-invitation`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toBe('Raj Patel has no email address; add one to their details first, then invite them.');
    expect((await guardianRepository.findById(server.db, s.organization.id, noEmail.id))!.userId).toBeNull();
  });

  it('refuses an email that already signs in: a staff login, another guardian, another organization (never named)', async () => {
    const s = await scenario();
    const desk = server.as(s.organization.id, 'front_desk');

    const staff = await server.createStaff(s.organization.id, 'instructor');
    const raj = await buildGuardian(server.db, s.organization.id, { familyId: s.family.id, name: 'Raj Patel', email: staff.email });
    const asStaff = await desk.post(`/api/guardians/${raj.id}/portal-invitation`, {});
    expect(asStaff.status).toBe(409);
    expect(asStaff.body.detail).toBe(`${staff.email} is already a staff login of your organization, so Raj Patel cannot sign in with it; give Raj Patel their own email address, then invite them.`);

    await desk.post(`/api/guardians/${s.priya.id}/portal-invitation`, {});
    const twin = await buildGuardian(server.db, s.organization.id, { familyId: s.family.id, name: 'Priya P.', email: s.priya.email.toUpperCase() });
    const asGuardian = await desk.post(`/api/guardians/${twin.id}/portal-invitation`, {});
    expect(asGuardian.status).toBe(409);
    expect(asGuardian.body.detail).toContain('is already the family portal login of Priya Patel, another guardian');

    const elsewhere = await buildOrganization(server.db, { name: 'Lakeside Secret Swim Club' });
    const theirs = await buildGuardian(server.db, elsewhere.id, { name: 'Sam Other', email: newEmail('sam') });
    await server.asGuardian(elsewhere.id, { id: theirs.id }).get('/api/portal/me');
    const theirLogin = (await guardianRepository.findById(server.db, elsewhere.id, theirs.id))!;
    expect(theirLogin.userId).not.toBeNull();
    const same = await buildGuardian(server.db, s.organization.id, { familyId: s.family.id, name: 'Sam Same', email: await emailOfLogin(theirLogin.userId!) });
    const asOther = await desk.post(`/api/guardians/${same.id}/portal-invitation`, {});
    expect(asOther.status).toBe(409);
    expect(asOther.body.detail).toContain('is already another account');
    expect(asOther.body.detail).not.toContain('Lakeside');
    expect(asOther.body.detail).not.toContain('Sam Other');
    expect((await guardianRepository.findById(server.db, s.organization.id, same.id))!.userId).toBeNull();
  });

  it('is for staff who may change families, in their own organization', async () => {
    const s = await scenario();
    expect((await server.as(s.organization.id, 'instructor').post(`/api/guardians/${s.priya.id}/portal-invitation`, {})).status).toBe(403);
    expect((await server.as(s.organization.id, 'front_desk').post(`/api/guardians/${MISSING_ID}/portal-invitation`, {})).status).toBe(404);
    const other = await scenario();
    expect((await server.as(other.organization.id, 'owner').post(`/api/guardians/${s.priya.id}/portal-invitation`, {})).status).toBe(404);
    expect((await guardianRepository.findById(server.db, s.organization.id, s.priya.id))!.userId).toBeNull();
  });
});

async function emailOfLogin(userId: string): Promise<string> {
  const [user] = await server.db.select({ email: authUsers.email }).from(authUsers).where(eq(authUsers.id, userId));
  return user!.email;
}
