import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFamily, buildInstructor, buildLocation, buildOrganization, buildService } from '../../../db/seed/builders.js';
import { MISSING_ID, startTestServer, type TestApi, type TestServer, fieldsNamed } from '../../testing/test-server.js';

let server: TestServer;
let api: TestApi;
let ids: { familyId: string; serviceId: string; instructorId: string; locationId: string };

beforeAll(async () => {
  server = await startTestServer();
  const org = await buildOrganization(server.db);
  api = server.as(org.id);
  ids = {
    familyId: (await buildFamily(server.db, org.id)).id,
    serviceId: (await buildService(server.db, org.id)).id,
    instructorId: (await buildInstructor(server.db, org.id)).id,
    locationId: (await buildLocation(server.db, org.id)).id,
  };
});
afterAll(() => server.close());

interface ResourceCase {
  path: string;
  create: () => Record<string, unknown>;
  update: Record<string, unknown>;
  /** A body with one wrong field, and that field's name. */
  bad: () => [Record<string, unknown>, string];
}

const n = () => Math.random().toString(36).slice(2, 8);

const cases: ResourceCase[] = [
  {
    path: 'locations',
    create: () => ({ name: `Main Pool ${n()}`, address: '1 River Rd' }),
    update: { name: 'Renamed Pool' },
    bad: () => [{ name: '   ' }, 'name'],
  },
  {
    path: 'instructors',
    create: () => ({ name: `Alex ${n()}`, email: 'alex@example.com' }),
    update: { email: 'alex.new@example.com' },
    bad: () => [{ name: 'Alex', email: 'not-an-email' }, 'email'],
  },
  {
    path: 'services',
    create: () => ({ name: `Group Lessons ${n()}`, defaultPaymentPlan: 'monthly', defaultPrice: 8000 }),
    update: { defaultPrice: 9000 },
    bad: () => [{ name: 'Group', defaultPaymentPlan: 'monthly', defaultPrice: 80.5 }, 'defaultPrice'],
  },
  {
    path: 'families',
    create: () => ({ name: `Patel ${n()}` }),
    update: { name: 'Patel-Smith' },
    bad: () => [{}, 'name'],
  },
  {
    path: 'guardians',
    create: () => ({ familyId: ids.familyId, name: `Priya ${n()}`, phone: '+1 555 010 2030' }),
    update: { phone: '+1 555 010 9999' },
    bad: () => [{ familyId: ids.familyId, name: 'Priya', phone: 'call me' }, 'phone'],
  },
  {
    path: 'clients',
    create: () => ({ familyId: ids.familyId, firstName: 'Maya', lastName: `Patel ${n()}`, birthDate: '2018-04-02' }),
    update: { notes: 'Allergic to chlorine tablets' },
    bad: () => [{ familyId: ids.familyId, firstName: 'Maya', lastName: 'Patel', birthDate: '2018-02-30' }, 'birthDate'],
  },
  {
    path: 'sessions',
    create: () => ({
      serviceId: ids.serviceId,
      instructorId: ids.instructorId,
      locationId: ids.locationId,
      name: `Beginners Tue ${n()}`,
      weekdays: [2],
      startTime: '16:00',
      durationMinutes: 45,
      startsOn: '2027-01-05',
      capacity: 8,
      price: 8000,
    }),
    update: { capacity: 12 },
    bad: () => [
      {
        serviceId: ids.serviceId, instructorId: ids.instructorId, locationId: ids.locationId, name: 'Bad',
        weekdays: [2], startTime: '16:00', durationMinutes: 45, startsOn: '2027-01-05', capacity: -1,
      },
      'capacity',
    ],
  },
];

describe.each(cases)('/api/$path', ({ path, create, update, bad }) => {
  it('creates, reads, changes and lists', async () => {
    const body = create();
    const created = await api.post(`/api/${path}`, body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject(body);
    expect(created.body).not.toHaveProperty('organizationId');

    const read = await api.get(`/api/${path}/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);

    const changed = await api.patch(`/api/${path}/${created.body.id}`, update);
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ ...created.body, ...update, ...pickDerived(changed.body) });

    const list = await api.get(`/api/${path}?limit=200`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(created.body.id);
  });

  it('pages the list', async () => {
    await Promise.all([api.post(`/api/${path}`, create()), api.post(`/api/${path}`, create())]);
    const first = await api.get(`/api/${path}?limit=1&offset=0`);
    const second = await api.get(`/api/${path}?limit=1&offset=1`);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.total).toBeGreaterThanOrEqual(2);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
  });

  it('refuses a bad input with a problem naming the field, and stores nothing', async () => {
    const [body, field] = bad();
    const before = await api.get(`/api/${path}?limit=1`);
    const response = await api.post(`/api/${path}`, body);
    expect(response.status).toBe(400);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(fieldsNamed(response.body)).toEqual([`body.${field}`]);
    expect((await api.get(`/api/${path}?limit=1`)).body.total).toBe(before.body.total);
  });

  it('answers 404 for an id that does not exist, on read and on change', async () => {
    const read = await api.get(`/api/${path}/${MISSING_ID}`);
    expect(read.status).toBe(404);
    expect(read.body.code).toBe('NOT_FOUND');
    const changed = await api.patch(`/api/${path}/${MISSING_ID}`, update);
    expect(changed.status).toBe(404);
  });
});

/** Fields the server derives (a session's dates) may change with an update. */
function pickDerived(body: Record<string, unknown>) {
  const { sessionsThisMonth, nextDates } = body;
  return sessionsThisMonth === undefined ? {} : { sessionsThisMonth, nextDates };
}

describe('references and organization scoping', () => {
  it('refuses a client whose family is not in the organization, naming familyId', async () => {
    const response = await api.post('/api/clients', { familyId: MISSING_ID, firstName: 'A', lastName: 'B' });
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual([{ field: 'body.familyId', message: 'no family has this id' }]);
    expect(response.body.detail).toBe('No family has this id in your organization; choose one from the list.');
  });

  it('does not show one organization the records of another', async () => {
    const other = await buildOrganization(server.db);
    const location = await api.post('/api/locations', { name: 'Private Pool' });
    const fromOther = await server.as(other.id).get(`/api/locations/${location.body.id}`);
    expect(fromOther.status).toBe(404);
  });

  it('needs a login', async () => {
    const anonymous = await server.as(null).get('/api/locations');
    expect(anonymous.status).toBe(401);
    expect(anonymous.contentType).toContain('application/problem+json');
    expect(anonymous.body.detail).toContain('Log in');
  });

  it('keeps fields a change leaves out (a PATCH does not reset defaults)', async () => {
    const created = await api.post('/api/locations', { name: 'Kept', address: '9 Elm St' });
    const changed = await api.patch(`/api/locations/${created.body.id}`, { name: 'Kept Too' });
    expect(changed.body.address).toBe('9 Elm St');
  });

  it('finds clients by words of their name', async () => {
    const org = await buildOrganization(server.db);
    const owner = server.as(org.id);
    const family = await owner.post('/api/families', { name: 'Search' });
    for (const [firstName, lastName] of [['Maya', 'Patel'], ['Mayer', 'Lopez'], ['Priya', 'Patel']]) {
      await owner.post('/api/clients', { familyId: family.body.id, firstName, lastName });
    }
    const found = await owner.get('/api/clients?search=maya%20pat');
    expect(found.body.items.map((c: any) => `${c.firstName} ${c.lastName}`)).toEqual(['Maya Patel']);
    expect((await owner.get('/api/clients?search=PATEL')).body.total).toBe(2);
    expect((await owner.get('/api/clients?search=%25')).body.total).toBe(0);
  });

  it('reads the organization it acts for', async () => {
    const response = await api.get('/api/organization');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ timeZone: 'America/New_York', currency: 'USD' });
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const response = await api.post('/api/locations', '{"name": ');
    expect(response.status).toBe(400);
    expect(response.contentType).toContain('application/problem+json');
  });
});
