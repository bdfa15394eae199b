import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { guardianRepository } from '../../db/repositories/guardian-repository.js';
import { instructorRepository } from '../../db/repositories/instructor-repository.js';
import { messageRepository } from '../../db/repositories/message-repository.js';
import { transferRequestRepository } from '../../db/repositories/transfer-request-repository.js';
import { buildClient, buildSubscription } from '../../db/seed/builders.js';
import type { Role } from '../../domain/access/permissions.js';
import { createInvoice } from '../services/billing/create-invoice.js';
import { buildE1Scenario, e1Request, type E1Scenario } from '../testing/e1-scenario.js';
import { startTestServer, type TestApi, type TestServer } from '../testing/test-server.js';

/**
 * Who may do what, written out by hand from the roles as the README describes them, NOT read
 * from the permission table (a test that asks `can()` checks the table against itself, and three
 * deliberate mistakes passed it). Each allowed call must succeed with a valid body; each other
 * call must be refused with a 403. Every role gets an organization of its own, freshly built.
 *
 *   owner       everything, including managing staff
 *   manager     everything but staff: back-dating, capacity override, undo, write-offs and voids, setup
 *   front desk  clients and families, enroll, unenroll, transfer, take payments and discounts
 *   instructor  the schedule, the rosters of their own sessions, attendance
 *   guardian    (G, a family-portal login) their own family's portal routes only; another
 *               family's ids there are not found (404), and every staff route refuses them
 */
const TODAY = '2027-03-16';
const letters: Record<string, Role> = { O: 'owner', M: 'manager', F: 'front_desk', I: 'instructor' };

interface Fixture {
  s: E1Scenario;
  /** The transfer of Maya done as the fixture (Undo's subject). */
  transferId: string;
  guardianId: string;
  marchPaymentId: string;
  /** Leo in Beginners Tue: the subject of a new transfer. */
  leoSubscriptionId: string;
  /** Open invoices of Ivy (Swim Team Sat), one per billing action so none depends on another. */
  ivy: { payments: string; discounts: string; credits: string; writeOff: string; void: string };
  /** The fixture transfer's email to the family, and one of its emails marked failed (for Send again). */
  messageId: string;
  failedMessageId: string;
  /** Ivy's pending request to move to Beginners Tue (the queue's, Decline's and Withdraw's subject). */
  transferRequestId: string;
  /** What the calls themselves created, for later calls (the enrollment to unenroll). */
  made: Record<string, string>;
  /** The Okafors, a second family of the same organization: their ids are not found in the Patels' portal. */
  okafor: { guardianId: string; subscriptionId: string; invoiceId: string };
}

interface Call {
  /** METHOD /route as the route table writes it. */
  route: string;
  /** Who may: O owner, M manager, F front desk, I instructor, G the family's guardian (portal). */
  may: string;
  path: (f: Fixture) => string;
  /** A portal route's path with the other family's id: the guardian is answered 404. */
  otherFamilyPath?: (f: Fixture) => string;
  body?: (f: Fixture) => unknown;
  /** What a person would check in the answer. */
  valid: (body: any, f: Fixture) => boolean;
  /** Keeps an id of the answer for later calls. */
  keep?: (body: any, f: Fixture) => void;
}

const list = (body: any) => Array.isArray(body?.items) && typeof body.total === 'number';
const created = (body: any) => typeof body?.id === 'string';

const calls: Call[] = [
  // The family portal's routes answer guardians only, for their own family; no staff role reaches them.
  { route: 'GET /api/portal/me', may: 'G', path: () => '/api/portal/me', valid: (b, f) => b.familyId === f.s.family.id },
  { route: 'GET /api/portal/family', may: 'G', path: () => '/api/portal/family', valid: (b) => b.familyName === 'Patel' && b.children.every((c: any) => c.lastName === 'Patel') },
  {
    route: 'GET /api/portal/enrollments/:id',
    may: 'G',
    path: (f) => `/api/portal/enrollments/${f.leoSubscriptionId}`,
    otherFamilyPath: (f) => `/api/portal/enrollments/${f.okafor.subscriptionId}`,
    valid: (b, f) => b.subscriptionId === f.leoSubscriptionId && b.nextDates.length > 0,
  },
  { route: 'GET /api/portal/invoices', may: 'G', path: () => '/api/portal/invoices', valid: (b, f) => b.invoices.some((i: any) => i.id === f.s.march.id) && !b.invoices.some((i: any) => i.id === f.okafor.invoiceId) },
  { route: 'GET /api/portal/invoices/:id', may: 'G', path: (f) => `/api/portal/invoices/${f.s.march.id}`, otherFamilyPath: (f) => `/api/portal/invoices/${f.okafor.invoiceId}`, valid: (b, f) => b.id === f.s.march.id },
  { route: 'GET /api/portal/statement', may: 'G', path: () => '/api/portal/statement?from=2027-01-01&to=2027-04-01', valid: (b, f) => b.familyId === f.s.family.id && b.entries.length >= 3 },
  { route: 'GET /api/portal/account', may: 'G', path: () => '/api/portal/account', valid: (b, f) => b.guardianId === f.guardianId },
  { route: 'PATCH /api/portal/account/contact', may: 'G', path: () => '/api/portal/account/contact', body: () => ({ name: 'Priya Patel', phone: '+1 555 010 7777' }), valid: (b) => b.phone === '+1 555 010 7777' },
  { route: 'PUT /api/portal/account/message-preferences', may: 'G', path: () => '/api/portal/account/message-preferences', body: () => ({ mutedKinds: ['billing'] }), valid: (b) => b.mutedKinds.includes('billing') },
  { route: 'GET /api/portal/enrollments/:id/transfer-targets', may: 'G', path: (f) => `/api/portal/enrollments/${f.leoSubscriptionId}/transfer-targets`, otherFamilyPath: (f) => `/api/portal/enrollments/${f.okafor.subscriptionId}/transfer-targets`, valid: (b) => b.childName === 'Leo Patel' && b.targets.some((t: any) => t.sessionName === 'Swim Team Sat') },
  { route: 'POST /api/portal/transfer-requests', may: 'G', path: () => '/api/portal/transfer-requests', body: (f) => ({ subscriptionId: f.leoSubscriptionId, targetSessionId: f.s.swimTeamSat.id, firstSessionDate: '2027-03-20' }), valid: (b) => b.request.status === 'pending' && b.request.childName === 'Leo Patel' },
  { route: 'GET /api/portal/transfer-requests', may: 'G', path: () => '/api/portal/transfer-requests', valid: (b, f) => b.items.some((r: any) => r.id === f.transferRequestId) && b.items.every((r: any) => r.familyId === f.s.family.id) },
  { route: 'POST /api/portal/transfer-requests/:id/withdraw', may: 'G', path: (f) => `/api/portal/transfer-requests/${f.transferRequestId}/withdraw`, body: () => ({}), valid: (b) => b.status === 'withdrawn' },
  { route: 'GET /api/me', may: 'OMFI', path: () => '/api/me', valid: (b, f) => b.organization.id === f.s.organization.id },
  { route: 'GET /api/organization', may: 'OMFI', path: () => '/api/organization', valid: (b, f) => b.id === f.s.organization.id },

  // The schedule and the catalog: everyone reads; the owner and managers set it up.
  { route: 'GET /api/schedule', may: 'OMFI', path: () => '/api/schedule?from=2027-03-15&to=2027-03-22', valid: (b) => Array.isArray(b.entries) && b.entries.some((e: any) => e.date === '2027-03-16') },
  { route: 'GET /api/schedule/this-week', may: 'OMFI', path: () => '/api/schedule/this-week', valid: (b) => Array.isArray(b.entries) && typeof b.from === 'string' },
  { route: 'GET /api/locations', may: 'OMFI', path: () => '/api/locations', valid: list },
  { route: 'GET /api/locations/:id', may: 'OMFI', path: (f) => `/api/locations/${f.s.beginnersTue.locationId}`, valid: (b, f) => b.id === f.s.beginnersTue.locationId },
  { route: 'GET /api/instructors', may: 'OMFI', path: () => '/api/instructors', valid: list },
  { route: 'GET /api/instructors/:id', may: 'OMFI', path: (f) => `/api/instructors/${f.s.beginnersTue.instructorId}`, valid: (b, f) => b.id === f.s.beginnersTue.instructorId },
  { route: 'GET /api/services', may: 'OMFI', path: () => '/api/services', valid: list },
  { route: 'GET /api/services/:id', may: 'OMFI', path: (f) => `/api/services/${f.s.beginnersTue.serviceId}`, valid: (b, f) => b.id === f.s.beginnersTue.serviceId },
  { route: 'GET /api/sessions', may: 'OMFI', path: () => '/api/sessions', valid: (b) => list(b) && b.total >= 3 },
  { route: 'GET /api/sessions/:id', may: 'OMFI', path: (f) => `/api/sessions/${f.s.beginnersTue.id}`, valid: (b, f) => b.id === f.s.beginnersTue.id },
  { route: 'GET /api/sessions/:id/dates', may: 'OMFI', path: (f) => `/api/sessions/${f.s.beginnersTue.id}/dates?from=2027-03-01&to=2027-04-01`, valid: (b) => JSON.stringify(b).includes('2027-03-16') },
  // The instructor signs in as the teacher of Beginners Tue: its roster is theirs.
  { route: 'GET /api/sessions/:id/roster', may: 'OMFI', path: (f) => `/api/sessions/${f.s.beginnersTue.id}/roster?date=2027-03-16`, valid: (b) => JSON.stringify(b).includes('Maya') },
  { route: 'PUT /api/sessions/:id/attendance', may: 'OMFI', path: (f) => `/api/sessions/${f.s.beginnersTue.id}/attendance`, body: (f) => ({ date: '2027-03-09', subscriptionId: f.s.subscription.id, present: true }), valid: (b) => b !== undefined },
  { route: 'POST /api/locations', may: 'OM', path: () => '/api/locations', body: () => ({ name: 'Matrix Pool' }), valid: created },
  { route: 'PATCH /api/locations/:id', may: 'OM', path: (f) => `/api/locations/${f.s.beginnersTue.locationId}`, body: () => ({ name: 'Renamed Pool' }), valid: (b) => b.name === 'Renamed Pool' },
  { route: 'POST /api/instructors', may: 'OM', path: () => '/api/instructors', body: () => ({ name: 'Matrix Coach', email: `coach-${randomUUID().slice(0, 8)}@example.test` }), valid: created },
  { route: 'PATCH /api/instructors/:id', may: 'OM', path: (f) => `/api/instructors/${f.s.swimTeamSat.instructorId}`, body: () => ({ name: 'Renamed Coach' }), valid: (b) => b.name === 'Renamed Coach' },
  { route: 'POST /api/services', may: 'OM', path: () => '/api/services', body: () => ({ name: 'Matrix Lessons', defaultPaymentPlan: 'monthly', defaultPrice: 8000 }), valid: created },
  { route: 'PATCH /api/services/:id', may: 'OM', path: (f) => `/api/services/${f.s.swimTeamSat.serviceId}`, body: () => ({ defaultPrice: 9000 }), valid: (b) => b.defaultPrice === 9000 },
  {
    route: 'POST /api/sessions',
    may: 'OM',
    path: () => '/api/sessions',
    body: (f) => ({ serviceId: f.s.beginnersTue.serviceId, name: 'Matrix Tue', weekdays: [2], startTime: '18:00', durationMinutes: 45, startsOn: '2027-01-05', endsOn: null, capacity: 10, instructorId: f.s.beginnersTue.instructorId, locationId: f.s.beginnersTue.locationId, paymentPlan: 'monthly', price: 8000 }),
    valid: created,
  },
  { route: 'PATCH /api/sessions/:id', may: 'OM', path: (f) => `/api/sessions/${f.s.swimTeamSat.id}`, body: () => ({ capacity: 12 }), valid: (b) => b.capacity === 12 },
  { route: 'POST /api/sessions/:id/date-changes', may: 'OM', path: (f) => `/api/sessions/${f.s.swimTeamSat.id}/date-changes`, body: () => ({ date: '2027-10-02', kind: 'cancelled', reason: 'Pool closed' }), valid: (b) => b !== undefined },

  // Families and clients: the front desk and up.
  { route: 'GET /api/families', may: 'OMF', path: () => '/api/families', valid: (b) => list(b) && b.total >= 1 },
  { route: 'GET /api/families/:id', may: 'OMF', path: (f) => `/api/families/${f.s.family.id}`, valid: (b, f) => b.id === f.s.family.id },
  {
    route: 'POST /api/families/register',
    may: 'OMF',
    path: () => '/api/families/register',
    body: () => ({ name: 'Okafor', guardians: [{ name: 'Ada Okafor', email: 'ada@example.test' }], children: [{ firstName: 'Chidi', lastName: 'Okafor' }] }),
    valid: (b) => b.family.name === 'Okafor' && b.guardians.length === 1 && b.children[0].firstName === 'Chidi',
  },
  { route: 'POST /api/families', may: 'OMF', path: () => '/api/families', body: () => ({ name: 'Matrix Family' }), valid: created },
  { route: 'PATCH /api/families/:id', may: 'OMF', path: (f) => `/api/families/${f.s.family.id}`, body: () => ({ name: 'Patel-Shah' }), valid: (b) => b.name === 'Patel-Shah' },
  { route: 'GET /api/guardians', may: 'OMF', path: (f) => `/api/guardians?familyId=${f.s.family.id}`, valid: (b) => list(b) && b.total === 1 },
  { route: 'GET /api/guardians/:id', may: 'OMF', path: (f) => `/api/guardians/${f.guardianId}`, valid: (b, f) => b.id === f.guardianId },
  { route: 'POST /api/guardians', may: 'OMF', path: () => '/api/guardians', body: (f) => ({ familyId: f.s.family.id, name: 'Raj Patel' }), valid: created },
  { route: 'PATCH /api/guardians/:id', may: 'OMF', path: (f) => `/api/guardians/${f.guardianId}`, body: () => ({ phone: '+1 555 010 9999' }), valid: (b) => b.phone === '+1 555 010 9999' },
  // The family portal's invitation: whoever changes families invites a guardian (the fixture's guardian has an email).
  { route: 'GET /api/guardians/:id/portal-invitation', may: 'OMF', path: (f) => `/api/guardians/${f.guardianId}/portal-invitation`, valid: (b, f) => b.guardianId === f.guardianId },
  { route: 'POST /api/guardians/:id/portal-invitation', may: 'OMF', path: (f) => `/api/guardians/${f.guardianId}/portal-invitation`, body: () => ({}), valid: (b) => b.status === 'invited' },
  { route: 'GET /api/clients', may: 'OMF', path: () => '/api/clients?search=maya', valid: (b) => list(b) && b.items.some((c: any) => c.firstName === 'Maya') },
  { route: 'GET /api/clients/:id', may: 'OMF', path: (f) => `/api/clients/${f.s.maya.id}`, valid: (b, f) => b.id === f.s.maya.id },
  { route: 'POST /api/clients', may: 'OMF', path: () => '/api/clients', body: (f) => ({ familyId: f.s.family.id, firstName: 'Anya', lastName: 'Patel' }), valid: created },
  { route: 'PATCH /api/clients/:id', may: 'OMF', path: (f) => `/api/clients/${f.s.maya.id}`, body: () => ({ notes: 'Allergic to chlorine' }), valid: (b) => b.notes === 'Allergic to chlorine' },
  { route: 'GET /api/search', may: 'OMF', path: () => '/api/search?q=patel', valid: (b) => b.clients.length >= 1 },
  { route: 'GET /api/clients/:id/profile', may: 'OMF', path: (f) => `/api/clients/${f.s.maya.id}/profile`, valid: (b) => b.subscriptions.length >= 2 && b.transfers.length === 1 },

  // A guardian's transfer requests: whoever sees families sees the queue; the front desk and up decline (approval is POST /api/transfers).
  { route: 'GET /api/transfer-requests', may: 'OMF', path: () => '/api/transfer-requests?status=pending', valid: (b, f) => list(b) && b.items.some((r: any) => r.id === f.transferRequestId) },
  { route: 'GET /api/transfer-requests/pending-count', may: 'OMF', path: () => '/api/transfer-requests/pending-count', valid: (b) => b.pending === 1 },
  { route: 'GET /api/transfer-requests/:id', may: 'OMF', path: (f) => `/api/transfer-requests/${f.transferRequestId}`, valid: (b, f) => b.id === f.transferRequestId && b.status === 'pending' },
  { route: 'POST /api/transfer-requests/:id/decline', may: 'OMF', path: (f) => `/api/transfer-requests/${f.transferRequestId}/decline`, body: () => ({ reason: 'Swim Team needs a try-out first' }), valid: (b) => b.status === 'declined' },

  // Undo: managers and the owner (before anything else touches the transfer).
  { route: 'POST /api/transfers/:id/undo', may: 'OM', path: (f) => `/api/transfers/${f.transferId}/undo`, body: () => ({}), valid: (b) => b.transfer.status === 'undone' },

  // Enrolling and transferring: the front desk and up.
  { route: 'POST /api/subscriptions/preview', may: 'OMF', path: () => '/api/subscriptions/preview', body: (f) => ({ clientId: f.s.maya.id, sessionId: f.s.swimTeamSat.id, startsOn: '2027-03-20' }), valid: (b) => b !== undefined && typeof b === 'object' },
  {
    route: 'POST /api/subscriptions',
    may: 'OMF',
    path: () => '/api/subscriptions',
    body: (f) => ({ clientId: f.s.maya.id, sessionId: f.s.swimTeamSat.id, startsOn: '2027-03-20', finish: { kind: 'pay_later' } }),
    valid: (b) => typeof b.subscription?.id === 'string',
    keep: (b, f) => (f.made.subscription = b.subscription.id),
  },
  { route: 'POST /api/subscriptions/:id/unenroll', may: 'OMF', path: (f) => `/api/subscriptions/${f.made.subscription ?? f.s.subscription.id}/unenroll`, body: () => ({ date: '2027-04-03' }), valid: (b) => b !== undefined },
  { route: 'GET /api/subscriptions/:id/transfer-targets', may: 'OMF', path: (f) => `/api/subscriptions/${f.leoSubscriptionId}/transfer-targets?date=2027-03-23`, valid: (b) => b.targets.some((t: any) => t.sessionName === 'Intermediate Thu') },
  { route: 'POST /api/transfers/preview', may: 'OMF', path: () => '/api/transfers/preview', body: (f) => ({ subscriptionId: f.leoSubscriptionId, transferDate: '2027-03-23', targetSessionId: f.s.intermediateThu.id }), valid: (b) => b.quote !== undefined },
  { route: 'POST /api/transfers', may: 'OMF', path: () => '/api/transfers', body: (f) => ({ subscriptionId: f.leoSubscriptionId, transferDate: '2027-03-23', targetSessionId: f.s.intermediateThu.id, finish: { kind: 'pay_later' } }), valid: (b) => typeof b.transfer?.id === 'string' },

  // Money: the front desk takes payments and discounts; write-offs, voids, refunds and settings are for managers.
  { route: 'GET /api/invoices/:id', may: 'OMF', path: (f) => `/api/invoices/${f.s.march.id}`, valid: (b, f) => b.id === f.s.march.id },
  { route: 'GET /api/families/:id/balance', may: 'OMF', path: (f) => `/api/families/${f.s.family.id}/balance`, valid: (b) => typeof b.balance === 'number' },
  { route: 'GET /api/families/:id/statement', may: 'OMF', path: (f) => `/api/families/${f.s.family.id}/statement?from=2027-01-01&to=2027-04-01`, valid: (b) => Array.isArray(b.entries ?? b.lines ?? b.items) },
  { route: 'GET /api/organization/billing-settings', may: 'OMF', path: () => '/api/organization/billing-settings', valid: (b) => typeof b.invoiceDueDay === 'number' },
  { route: 'POST /api/invoices/:id/payments', may: 'OMF', path: (f) => `/api/invoices/${f.ivy.payments}/payments`, body: () => ({ amount: 100, method: 'cash' }), valid: (b) => b !== undefined },
  { route: 'POST /api/invoices/:id/discounts', may: 'OMF', path: (f) => `/api/invoices/${f.ivy.discounts}/discounts`, body: () => ({ kind: 'amount', amount: 100, reason: 'Sibling' }), valid: (b) => b !== undefined },
  { route: 'POST /api/invoices/:id/credits', may: 'OMF', path: (f) => `/api/invoices/${f.ivy.credits}/credits`, body: () => ({}), valid: (b) => b !== undefined },
  { route: 'POST /api/invoices/:id/write-offs', may: 'OM', path: (f) => `/api/invoices/${f.ivy.writeOff}/write-offs`, body: () => ({ reason: 'Goodwill' }), valid: (b) => b !== undefined },
  { route: 'POST /api/invoices/:id/void', may: 'OM', path: (f) => `/api/invoices/${f.ivy.void}/void`, body: () => ({ reason: 'Duplicate' }), valid: (b) => b !== undefined },
  { route: 'POST /api/invoices/:id/refunds', may: 'OM', path: (f) => `/api/invoices/${f.s.march.id}/refunds`, body: (f) => ({ paymentId: f.marchPaymentId, amount: 100, method: 'cash', reason: 'Overpaid' }), valid: (b) => b !== undefined },
  { route: 'POST /api/families/:id/account-credit', may: 'OM', path: (f) => `/api/families/${f.s.family.id}/account-credit`, body: () => ({ amount: 100, reason: 'Goodwill' }), valid: (b) => b !== undefined },
  { route: 'PATCH /api/organization/billing-settings', may: 'OM', path: () => '/api/organization/billing-settings', body: () => ({ invoiceDueDay: 5 }), valid: (b) => b.invoiceDueDay === 5 },
  { route: 'POST /api/invoice-runs', may: 'OM', path: () => '/api/invoice-runs', body: () => ({}), valid: (b) => b !== undefined },

  // Emails: whoever sees families reads theirs and sets a guardian's choices; the outbox, Send
  // again and the organization's kinds are for managers.
  { route: 'GET /api/families/:id/messages', may: 'OMF', path: (f) => `/api/families/${f.s.family.id}/messages`, valid: (b) => list(b) && b.total >= 1 },
  { route: 'GET /api/messages/:id', may: 'OMF', path: (f) => `/api/messages/${f.messageId}`, valid: (b, f) => b.id === f.messageId && b.text.includes('Maya Patel moves') },
  { route: 'GET /api/guardians/:id/message-preferences', may: 'OMF', path: (f) => `/api/guardians/${f.guardianId}/message-preferences`, valid: (b) => Array.isArray(b.mutedKinds) },
  { route: 'PUT /api/guardians/:id/message-preferences', may: 'OMF', path: (f) => `/api/guardians/${f.guardianId}/message-preferences`, body: () => ({ mutedKinds: ['reminders'] }), valid: (b) => b.mutedKinds.includes('reminders') },
  { route: 'GET /api/organization/message-settings', may: 'OMF', path: () => '/api/organization/message-settings', valid: (b) => Array.isArray(b.mutedKinds) },
  { route: 'GET /api/messages', may: 'OM', path: () => '/api/messages', valid: (b) => list(b) && b.total >= 3 },
  { route: 'POST /api/messages/:id/send-again', may: 'OM', path: (f) => `/api/messages/${f.failedMessageId}/send-again`, body: () => ({}), valid: (b) => b.status === 'pending' },
  { route: 'PUT /api/organization/message-settings', may: 'OM', path: () => '/api/organization/message-settings', body: () => ({ mutedKinds: ['billing'] }), valid: (b) => b.mutedKinds.includes('billing') },

  // Calendar feeds: whoever sees families reads a family's feed address and whoever changes families
  // makes or turns it off; instructors' feeds are managed with the catalog; an instructor has their own.
  { route: 'GET /api/families/:id/calendar-feed', may: 'OMF', path: (f) => `/api/families/${f.s.family.id}/calendar-feed`, valid: (b) => b.feed === null || typeof b.feed?.url === 'string' },
  { route: 'POST /api/families/:id/calendar-feed', may: 'OMF', path: (f) => `/api/families/${f.s.family.id}/calendar-feed`, body: () => ({}), valid: (b) => /\/api\/calendar\/.+\.ics$/.test(b.feed?.url) },
  { route: 'DELETE /api/families/:id/calendar-feed', may: 'OMF', path: (f) => `/api/families/${f.s.family.id}/calendar-feed`, valid: (b) => b.feed === null },
  { route: 'GET /api/instructors/:id/calendar-feed', may: 'OM', path: (f) => `/api/instructors/${f.s.intermediateThu.instructorId}/calendar-feed`, valid: (b) => b.feed === null || typeof b.feed?.url === 'string' },
  { route: 'POST /api/instructors/:id/calendar-feed', may: 'OM', path: (f) => `/api/instructors/${f.s.intermediateThu.instructorId}/calendar-feed`, body: () => ({}), valid: (b) => /\/api\/calendar\/.+\.ics$/.test(b.feed?.url) },
  { route: 'DELETE /api/instructors/:id/calendar-feed', may: 'OM', path: (f) => `/api/instructors/${f.s.intermediateThu.instructorId}/calendar-feed`, valid: (b) => b.feed === null },
  { route: 'GET /api/me/calendar-feed', may: 'I', path: () => '/api/me/calendar-feed', valid: (b) => b.feed === null || typeof b.feed?.url === 'string' },
  { route: 'POST /api/me/calendar-feed', may: 'I', path: () => '/api/me/calendar-feed', body: () => ({}), valid: (b) => /\/api\/calendar\/.+\.ics$/.test(b.feed?.url) },
  { route: 'DELETE /api/me/calendar-feed', may: 'I', path: () => '/api/me/calendar-feed', valid: (b) => b.feed === null },
  // The portal family's own feed: the guardian's, never staff's (they use the family page's).
  { route: 'GET /api/portal/calendar-feed', may: 'G', path: () => '/api/portal/calendar-feed', valid: (b) => b !== null && 'feed' in b },
  { route: 'POST /api/portal/calendar-feed', may: 'G', path: () => '/api/portal/calendar-feed', body: () => ({}), valid: (b) => typeof b?.feed?.url === 'string' },
  { route: 'DELETE /api/portal/calendar-feed', may: 'G', path: () => '/api/portal/calendar-feed', valid: () => true },

  // Staff: the owner only.
  { route: 'GET /api/staff', may: 'O', path: () => '/api/staff', valid: (b) => Array.isArray(b) && b.some((m: any) => m.role === 'owner') },
  { route: 'POST /api/staff', may: 'O', path: () => '/api/staff', body: () => ({ name: 'New Desk', email: `desk-${randomUUID().slice(0, 8)}@example.test`, password: 'matrix-lanes-2027', role: 'front_desk' }), valid: (b) => b.role === 'front_desk' },
];

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  server.clock.setToday(TODAY);
});
afterAll(() => server.close());

/** A new E1 organization with what every call needs, built as its owner would. */
async function freshFixture(): Promise<Fixture> {
  const s = await buildE1Scenario(server.db);
  const orgId = s.organization.id;
  const owner = server.as(orgId, 'owner');
  const done = await owner.post(
    '/api/transfers',
    { ...e1Request(s), oldEndsOn: '2027-03-23', firstSessionDate: '2027-03-25', finish: { kind: 'pay_later' } },
    { 'idempotency-key': randomUUID() },
  );
  if (done.status !== 201) throw new Error(`fixture transfer failed: ${JSON.stringify(done.body)}`);
  const leo = await buildClient(server.db, orgId, { familyId: s.family.id, firstName: 'Leo', lastName: 'Patel' });
  const leoSubscription = await buildSubscription(server.db, orgId, { sessionId: s.beginnersTue.id, clientId: leo.id, startsOn: '2027-01-05' });
  const ivy = await buildClient(server.db, orgId, { familyId: s.family.id, firstName: 'Ivy', lastName: 'Patel' });
  const ivySubscription = await buildSubscription(server.db, orgId, { sessionId: s.swimTeamSat.id, clientId: ivy.id, startsOn: '2027-01-09' });
  const invoiceFor = async (month: number) => {
    const start = Temporal.PlainDate.from({ year: 2027, month, day: 1 });
    const end = start.add({ months: 1 });
    return (
      await createInvoice(server.db, { organizationId: orgId, actorUserId: null, today: Temporal.PlainDate.from(TODAY) }, {
        familyId: s.family.id,
        subscriptionId: ivySubscription.id,
        period: { start, end },
        issuedOn: TODAY,
        dueOn: start.toString(),
        lines: [{ description: `Swim Team Sat — ${start.toString()}`, periodStart: start.toString(), periodEnd: end.toString(), quantityNumerator: 1, quantityDenominator: 1, unitAmount: 12000, amount: 12000 }],
        discounts: [],
        money: { currency: 'USD', locale: 'en-US' },
      })
    ).id;
  };
  // The transfer told the family (one guardian) and both instructors; one instructor's email failed.
  const messages = (await messageRepository.list(server.db, orgId, {}, { limit: 10, offset: 0 })).items;
  const familyMessage = messages.find((m) => m.familyId === s.family.id)!;
  const failed = messages.find((m) => m.recipientKind === 'instructor')!;
  await server.db.execute(sql`update messages set status = 'failed', status_note = 'No such mailbox' where id = ${failed.id}`);
  const guardianId = (await owner.get(`/api/guardians?familyId=${s.family.id}`)).body.items[0].id;
  const request = await transferRequestRepository.insert(server.db, orgId, {
    familyId: s.family.id,
    guardianId,
    subscriptionId: ivySubscription.id,
    targetSessionId: s.beginnersTue.id,
    firstSessionDate: '2027-03-23',
  });
  await guardianRepository.update(server.db, orgId, guardianId, { email: `priya-${randomUUID().slice(0, 8)}@example.test` });
  const credit = await owner.post(`/api/families/${s.family.id}/account-credit`, { amount: 500, reason: 'Prepaid' });
  const okafor = await owner.post('/api/families/register', { name: 'Okafor', guardians: [{ name: 'Ada Okafor' }], children: [{ firstName: 'Chidi', lastName: 'Okafor' }] });
  const chidi = await owner.post(
    '/api/subscriptions',
    { clientId: okafor.body.children[0].id, sessionId: s.swimTeamSat.id, startsOn: '2027-03-20', finish: { kind: 'pay_later' } },
    { 'idempotency-key': randomUUID() },
  );
  if (chidi.status !== 201) throw new Error(`fixture Okafor enrollment failed: ${JSON.stringify(chidi.body)}`);
  const okaforInvoiceId = (await owner.get(`/api/families/${okafor.body.family.id}/balance`)).body.invoices[0].id;
  if (credit.status >= 300) throw new Error(`fixture account credit failed: ${JSON.stringify(credit.body)}`);
  return {
    s,
    transferId: done.body.transfer.id,
    guardianId,
    transferRequestId: request.id,
    marchPaymentId: (await owner.get(`/api/invoices/${s.march.id}`)).body.payments[0].id,
    leoSubscriptionId: leoSubscription.id,
    ivy: { payments: await invoiceFor(5), discounts: await invoiceFor(6), credits: await invoiceFor(7), writeOff: await invoiceFor(8), void: await invoiceFor(9) },
    messageId: familyMessage.id,
    failedMessageId: failed.id,
    made: {},
    okafor: { guardianId: okafor.body.guardians[0].id, subscriptionId: chidi.body.subscription.id, invoiceId: okaforInvoiceId },
  };
}

/** A staff member of the fixture's organization; the instructor is the teacher of Beginners Tue. */
async function signedIn(f: Fixture, role: Role): Promise<TestApi> {
  if (role !== 'instructor') return server.as(f.s.organization.id, role);
  const email = `teacher-${randomUUID().slice(0, 8)}@example.test`;
  await instructorRepository.update(server.db, f.s.organization.id, f.s.beginnersTue.instructorId, { email });
  const staff = await server.createStaffWithEmail(f.s.organization.id, 'instructor', email);
  return server.withCookie((await server.signIn(staff.email, staff.password)).cookie);
}

function send(api: TestApi, call: Call, f: Fixture) {
  const [method] = call.route.split(' ') as [string];
  const path = call.path(f);
  const body = call.body?.(f);
  if (method === 'GET') return api.get(path);
  if (method === 'PUT') return api.put(path, body);
  if (method === 'PATCH') return api.patch(path, body);
  if (method === 'DELETE') return api.delete(path);
  const headers: Record<string, string> = ['/api/transfers', '/api/subscriptions', '/api/portal/transfer-requests'].includes(path) ? { 'idempotency-key': randomUUID() } : {};
  return api.post(path, body, headers);
}

describe('the role × route matrix (by hand, from the README)', () => {
  it('names every route of the app, once', () => {
    const routes = server.app.accessTable.map((r) => `${r.method} ${r.url}`).sort();
    expect(calls.map((c) => c.route).sort()).toEqual(routes);
  });

  it.each(Object.entries(letters))('%s: %s succeeds where allowed and is refused everywhere else', async (letter, role) => {
    const f = await freshFixture();
    const api = await signedIn(f, role);
    const wrong: unknown[] = [];
    for (const call of calls) {
      const response = await send(api, call, f);
      const allowed = call.may.includes(letter);
      if (allowed) {
        const ok = response.status >= 200 && response.status < 300 && call.valid(response.body, f);
        if (!ok) wrong.push({ route: call.route, role, expected: '2xx with a valid body', status: response.status, body: JSON.stringify(response.body).slice(0, 300) });
        else call.keep?.(response.body, f);
      } else if (response.status !== 403) {
        wrong.push({ route: call.route, role, expected: 403, status: response.status });
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('the guardian column (G): a family-portal login of the Patels', () => {
  it("G succeeds on the family's portal routes, is refused every staff route and finds no other family's ids", async () => {
    const f = await freshFixture();
    const api = server.asGuardian(f.s.organization.id, { id: f.guardianId, name: 'Priya Patel' });
    const staff = server.as(f.s.organization.id, 'owner');
    const okaforBefore = (await staff.get(`/api/guardians/${f.okafor.guardianId}`)).body;
    const wrong: unknown[] = [];
    for (const call of calls) {
      const response = await send(api, call, f);
      if (call.may.includes('G')) {
        const ok = response.status >= 200 && response.status < 300 && call.valid(response.body, f);
        if (!ok) wrong.push({ route: call.route, expected: '2xx with a valid body', status: response.status, body: JSON.stringify(response.body).slice(0, 300) });
        if (call.otherFamilyPath) {
          const other = await api.get(call.otherFamilyPath(f));
          if (other.status !== 404) wrong.push({ route: call.route, expected: "404 for the other family's id", status: other.status });
        }
      } else if (response.status !== 403) {
        wrong.push({ route: call.route, expected: 403, status: response.status });
      }
    }
    expect(wrong).toEqual([]);
    // The portal's changes were the Patels' guardian's own: the Okafors' guardian is as before.
    expect((await staff.get(`/api/guardians/${f.okafor.guardianId}`)).body).toEqual(okaforBefore);
    expect((await staff.get(`/api/guardians/${f.okafor.guardianId}/message-preferences`)).body.mutedKinds).toEqual([]);
    expect((await staff.get(`/api/guardians/${f.guardianId}`)).body.phone).toBe('+1 555 010 7777');
  });
});

describe('refusals at the route itself', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await freshFixture();
  });

  it.each(['front_desk', 'instructor'] as const)('%s cannot undo a transfer, and it stays done', async (role) => {
    const response = await (await signedIn(f, role)).post(`/api/transfers/${f.transferId}/undo`, {});
    expect(response.status).toBe(403);
    expect(response.body.detail).toMatch(/undo a transfer/);
    const profile = await server.as(f.s.organization.id, 'owner').get(`/api/clients/${f.s.maya.id}/profile`);
    expect(profile.body.transfers[0].status).toBe('completed');
  });

  it.each([
    ['void', { reason: 'Duplicate' }],
    ['write-offs', { reason: 'Goodwill' }],
  ] as const)('front desk cannot %s an invoice, and it stays open', async (action, body) => {
    const response = await (await signedIn(f, 'front_desk')).post(`/api/invoices/${f.ivy.void}/${action}`, body);
    expect(response.status).toBe(403);
    expect(response.body.detail).toMatch(/write off or void invoices/);
    expect((await server.as(f.s.organization.id, 'owner').get(`/api/invoices/${f.ivy.void}`)).body.status).toBe('open');
  });

  it.each(['manager', 'front_desk', 'instructor'] as const)('%s cannot list or add staff', async (role) => {
    const api = await signedIn(f, role);
    expect((await api.get('/api/staff')).status).toBe(403);
    const added = await api.post('/api/staff', { name: 'Sneaky', email: `sneaky-${randomUUID().slice(0, 6)}@example.test`, password: 'sneaky-lanes-2027', role: 'owner' });
    expect(added.status).toBe(403);
    expect(added.body.detail).toMatch(/manage staff accounts/);
  });

  it("an instructor cannot see another instructor's roster or mark its attendance", async () => {
    const api = await signedIn(f, 'instructor');
    expect((await api.get(`/api/sessions/${f.s.beginnersTue.id}/roster?date=2027-03-16`)).status).toBe(200);
    const roster = await api.get(`/api/sessions/${f.s.intermediateThu.id}/roster?date=2027-03-18`);
    expect(roster.status).toBe(403);
    expect(roster.body.detail).toMatch(/taught by someone else/);
    const attendance = await api.put(`/api/sessions/${f.s.intermediateThu.id}/attendance`, { date: '2027-03-25', subscriptionId: f.s.subscription.id, present: true });
    expect(attendance.status).toBe(403);
  });
});

describe('"today" is the organization\'s local date', () => {
  it('a transfer on the local today is not back-dating, while the server is already on the next day in UTC', async () => {
    const f = await freshFixture();
    // 2027-03-23 20:30 in New York is already 2027-03-24 in UTC (and in the test process's Pacific/Kiritimati).
    const { organizationRepository } = await import('../../db/repositories/organization-repository.js');
    expect((await organizationRepository.findById(server.db, f.s.organization.id))!.timeZone).toBe('America/New_York');
    const instant = Temporal.ZonedDateTime.from('2027-03-23T20:30[America/New_York]').toInstant();
    const clock = server.clock as unknown as { now: () => Temporal.Instant };
    const original = clock.now;
    clock.now = () => instant;
    try {
      const desk = await signedIn(f, 'front_desk');
      const request = { subscriptionId: f.leoSubscriptionId, transferDate: '2027-03-23', targetSessionId: f.s.intermediateThu.id };
      // The Tuesday before the local today is back-dating: refused to the front desk.
      const backDated = await desk.post('/api/transfers/preview', { ...request, transferDate: '2027-03-16' });
      expect(backDated.status).toBe(403);
      expect(backDated.body.detail).toMatch(/back-date/);
      const preview = await desk.post('/api/transfers/preview', request);
      expect(preview.status).toBe(200);
      const done = await desk.post('/api/transfers', { ...request, finish: { kind: 'pay_later' } }, { 'idempotency-key': randomUUID() });
      expect(done.status).toBe(201);
    } finally {
      clock.now = original;
    }
  });
});
