import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transferRequestRepository } from '../../db/repositories/transfer-request-repository.js';
import { buildE1Scenario, e1Request, type E1Scenario } from '../testing/e1-scenario.js';
import { MISSING_ID, startTestServer, type TestServer } from '../testing/test-server.js';

/**
 * Over the route table itself: every route that exists is checked for unauthenticated access
 * and against ids of another organization. What each role may do is checked against a matrix
 * written by hand in role-matrix.integration-test.ts, not against the permission table.
 */
let server: TestServer;
let home: E1Scenario;
let other: E1Scenario;
let homeIds: Record<string, string>;
let otherIds: Record<string, string>;

async function idsOf(s: E1Scenario): Promise<Record<string, string>> {
  const owner = server.as(s.organization.id);
  const done = await owner.post(
    '/api/transfers',
    { ...e1Request(s), oldEndsOn: '2027-03-23', firstSessionDate: '2027-03-25', finish: { kind: 'pay_later' } },
    { 'idempotency-key': randomUUID() },
  );
  if (done.status !== 201) throw new Error(`fixture transfer failed: ${JSON.stringify(done.body)}`);
  const guardianId = (await owner.get(`/api/guardians?familyId=${s.family.id}`)).body.items[0].id;
  // A guardian's pending request (Maya's new Intermediate Thu enrollment to Swim Team Sat), for the staff request routes.
  const request = await transferRequestRepository.insert(server.db, s.organization.id, {
    familyId: s.family.id,
    guardianId,
    subscriptionId: done.body.newSubscription.id,
    targetSessionId: s.swimTeamSat.id,
    firstSessionDate: '2027-04-03',
  });
  return {
    locations: s.beginnersTue.locationId,
    instructors: s.beginnersTue.instructorId,
    services: s.beginnersTue.serviceId,
    sessions: s.beginnersTue.id,
    families: s.family.id,
    guardians: guardianId,
    'transfer-requests': request.id,
    clients: s.maya.id,
    subscriptions: s.subscription.id,
    transfers: done.body.transfer.id,
    invoices: s.march.id,
    payments: (await owner.get(`/api/invoices/${s.march.id}`)).body.payments[0].id,
    messages: (await owner.get('/api/messages')).body.items[0].id,
  };
}

const queries: Record<string, string> = {
  '/api/schedule': '?from=2027-03-01&to=2027-03-08',
  '/api/sessions/:id/dates': '?from=2027-03-01&to=2027-04-01',
  '/api/sessions/:id/roster': '?date=2027-03-16',
  '/api/subscriptions/:id/transfer-targets': '?date=2027-03-16',
  '/api/families/:id/statement': '?from=2027-01-01&to=2027-04-01',
};

function bodyFor(method: string, url: string, ids: Record<string, string>): unknown {
  const bodies: Record<string, unknown> = {
    'POST /api/sessions/:id/date-changes': { date: '2027-03-09', kind: 'cancelled' },
    'PUT /api/sessions/:id/attendance': { date: '2027-03-09', subscriptionId: ids.subscriptions, present: true },
    'POST /api/subscriptions/:id/unenroll': { date: '2027-03-09' },
    'POST /api/invoices/:id/payments': { amount: 100, method: 'cash' },
    'POST /api/invoices/:id/discounts': { kind: 'amount', amount: 100, reason: 'access test' },
    'POST /api/invoices/:id/write-offs': { reason: 'access test' },
    'POST /api/invoices/:id/void': { reason: 'access test' },
    'POST /api/invoices/:id/refunds': { paymentId: ids.payments, method: 'cash', reason: 'access test' },
    'POST /api/invoices/:id/credits': {},
    'POST /api/families/:id/account-credit': { amount: 100, reason: 'access test' },
    'POST /api/subscriptions': { clientId: ids.clients, sessionId: ids.sessions, startsOn: '2027-03-11', finish: { kind: 'pay_later' } },
    'POST /api/subscriptions/preview': { clientId: ids.clients, sessionId: ids.sessions, startsOn: '2027-03-11' },
    'PATCH /api/organization/billing-settings': { invoiceDueDay: 1 },
    'POST /api/invoice-runs': {},
    'PUT /api/guardians/:id/message-preferences': { mutedKinds: ['billing'] },
    'PUT /api/organization/message-settings': { mutedKinds: [] },
    'POST /api/transfer-requests/:id/decline': { reason: 'access test' },
  };
  return bodies[`${method} ${url}`] ?? (method === 'GET' ? undefined : {});
}

function pathFor(url: string, ids: Record<string, string>): string {
  const resource = url.split('/')[2]!;
  const path = url.includes(':id') ? url.replace(':id', ids[resource] ?? `no fixture id for "${resource}"`) : url;
  return path + (queries[url] ?? '');
}

/** Every row of one organization, so "nothing changed" is checked on all of them. */
async function digestOf(organizationId: string) {
  const tables = [
    'locations', 'instructors', 'services', 'sessions', 'session_date_exceptions', 'families', 'guardians', 'clients',
    'subscriptions', 'transfers', 'attendance', 'invoices', 'invoice_lines', 'invoice_discounts', 'payments', 'write_offs', 'audit_events',
    'refunds', 'account_credit_entries', 'ledger_entries', 'invoice_runs', 'messages', 'message_attempts', 'calendar_feeds', 'transfer_requests',
  ];
  const digests: Record<string, unknown> = {};
  for (const table of tables) {
    const result = await server.db.execute(
      sql`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.identifier(table)} t where organization_id = ${organizationId}`,
    );
    digests[table] = (result as unknown as { rows: unknown[] }).rows[0];
  }
  return digests;
}

beforeAll(async () => {
  server = await startTestServer();
  home = await buildE1Scenario(server.db);
  other = await buildE1Scenario(server.db);
  homeIds = await idsOf(home);
  otherIds = await idsOf(other);
});
afterAll(() => server.close());


function send(api: ReturnType<TestServer['as']>, method: string, url: string, ids: Record<string, string>) {
  const path = pathFor(url, ids);
  const body = bodyFor(method, url, ids);
  const headers: Record<string, string> = ['/api/transfers', '/api/subscriptions'].includes(url) ? { 'idempotency-key': randomUUID() } : {};
  if (method === 'GET') return api.get(path);
  if (method === 'PUT') return api.put(path, body);
  if (method === 'PATCH') return api.patch(path, body);
  if (method === 'DELETE') return api.delete(path);
  return api.post(path, body, headers);
}

describe('the route table', () => {
  it('has routes, each with a declared access', () => {
    expect(server.app.accessTable.length).toBeGreaterThan(40);
    expect(server.app.accessTable.every((r) => r.access)).toBe(true);
  });

  it('answers 401 to every route without a login', async () => {
    const anonymous = server.as(null);
    for (const { method, url } of server.app.accessTable) {
      const response = await send(anonymous, method, url, homeIds);
      expect({ route: `${method} ${url}`, status: response.status }).toEqual({ route: `${method} ${url}`, status: 401 });
    }
  });

  it("answers 404 to every route given another organization's id, and changes nothing there", async () => {
    const owner = server.as(home.organization.id, 'owner');
    const before = await digestOf(other.organization.id);
    // Staff routes; a portal login is bound to its own family (the role matrix's guardian column finds no other family's ids).
    for (const { method, url } of server.app.accessTable.filter((r) => r.url.includes(':id') && r.access !== 'guardian')) {
      const response = await send(owner, method, url, otherIds);
      expect({ route: `${method} ${url}`, status: response.status }).toEqual({ route: `${method} ${url}`, status: 404 });
    }
    expect(await digestOf(other.organization.id)).toEqual(before);
  });

  it("answers a guardian 404 on every family-portal route given another organization's id, and changes nothing there", async () => {
    const guardian = server.asGuardian(home.organization.id, { id: homeIds.guardians! });
    // The portal names its resources in a family's words; each maps to the fixture's kind of id.
    const portalIds = { ...otherIds, enrollments: otherIds.subscriptions!, invoices: otherIds.invoices!, 'transfer-requests': otherIds.subscriptions! };
    const before = await digestOf(other.organization.id);
    const portalRoutes = server.app.accessTable.filter((r) => r.url.includes(':id') && r.access === 'guardian');
    for (const { method, url } of portalRoutes) {
      const path = url.replace(/\/api\/portal\/([^/]+)\/:id/, (_, resource: string) => `/api/portal/${resource}/${portalIds[resource as keyof typeof portalIds] ?? MISSING_ID}`);
      const response = await send(guardian, method, path, otherIds);
      expect({ route: `${method} ${url}`, status: response.status }).toEqual({ route: `${method} ${url}`, status: 404 });
    }
    expect(await digestOf(other.organization.id)).toEqual(before);
  });
});
