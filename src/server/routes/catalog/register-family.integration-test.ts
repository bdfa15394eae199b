import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization } from '../../../db/seed/builders.js';
import { fieldsNamed, startTestServer, type TestApi, type TestServer } from '../../testing/test-server.js';

let server: TestServer;
let api: TestApi;
beforeAll(async () => {
  server = await startTestServer();
  const org = await buildOrganization(server.db);
  api = server.as(org.id, 'front_desk');
});
afterAll(() => server.close());

const family = {
  name: 'Núñez',
  guardians: [{ name: 'Lucía Núñez', phone: '+1 555 010 4455', email: 'lucia@example.com' }],
  children: [
    { firstName: 'Zoë', lastName: 'Núñez', birthDate: '2019-04-02' },
    { firstName: 'Mateo', lastName: 'Núñez' },
  ],
};

describe('POST /api/families/register', () => {
  it('makes the family, its guardians and its children at once, findable by the header search', async () => {
    const created = await api.post('/api/families/register', family);
    expect(created.status).toBe(201);
    expect(created.body.family.name).toBe('Núñez');
    expect(created.body.guardians.map((g: any) => g.familyId)).toEqual([created.body.family.id]);
    expect(created.body.children.map((c: any) => c.firstName)).toEqual(['Zoë', 'Mateo']);
    const found = (await api.get('/api/search?q=zoe')).body;
    expect(found.clients.map((c: any) => c.familyId)).toEqual([created.body.family.id]);
  });

  it('a bad phone number is refused with its field, and nothing is made', async () => {
    const bad = { ...family, name: 'Okonkwo', guardians: [{ name: 'Ada Okonkwo', phone: 'call me' }] };
    const refused = await api.post('/api/families/register', bad);
    expect(refused.status).toBe(400);
    expect(fieldsNamed(refused.body)).toContain('body.guardians.0.phone');
    const families = (await api.get('/api/families?search=okonkwo')).body;
    expect(families.items).toEqual([]);
  });

  it('a family needs a guardian and a child', async () => {
    const refused = await api.post('/api/families/register', { name: 'Empty', guardians: [], children: [] });
    expect(refused.status).toBe(400);
    expect(fieldsNamed(refused.body)).toEqual(expect.arrayContaining(['body.guardians', 'body.children']));
  });

  it('an instructor may not', async () => {
    const org = await buildOrganization(server.db);
    expect((await server.as(org.id, 'instructor').post('/api/families/register', family)).status).toBe(403);
  });
});
