import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient, buildFamily, buildGuardian, buildOrganization } from '../../../db/seed/builders.js';
import { fieldsNamed, startTestServer, type TestApi, type TestServer } from '../../testing/test-server.js';

let server: TestServer;
let api: TestApi;
let other: TestApi;
let patel: { id: string };
beforeAll(async () => {
  server = await startTestServer();
  const org = await buildOrganization(server.db);
  api = server.as(org.id, 'front_desk');
  patel = await buildFamily(server.db, org.id, { name: 'Núñez-Patel' });
  await buildGuardian(server.db, org.id, { familyId: patel.id, name: 'Priya Núñez', email: 'priya.nunez@example.com', phone: '+1 (555) 010-2030' });
  await buildClient(server.db, org.id, { familyId: patel.id, firstName: 'Zoë', lastName: 'Núñez' });
  await buildClient(server.db, org.id, { familyId: patel.id, firstName: 'Maya', lastName: 'Patel' });
  const unrelated = await buildFamily(server.db, org.id, { name: 'Okafor' });
  await buildClient(server.db, org.id, { familyId: unrelated.id, firstName: 'Zola', lastName: 'Okafor' });
  // Another organization with the same names: never found from this one.
  const elsewhere = await buildOrganization(server.db);
  other = server.as(elsewhere.id, 'front_desk');
  const theirs = await buildFamily(server.db, elsewhere.id, { name: 'Núñez' });
  await buildClient(server.db, elsewhere.id, { familyId: theirs.id, firstName: 'Zoë', lastName: 'Núñez' });
});
afterAll(() => server.close());

const search = async (q: string) => (await api.get(`/api/search?q=${encodeURIComponent(q)}`)).body;

describe('GET /api/search', () => {
  it('"zoe" finds Zoë, case- and accent-insensitively, with her family', async () => {
    const found = await search('zoe');
    expect(found.clients).toEqual([expect.objectContaining({ firstName: 'Zoë', lastName: 'Núñez', familyName: 'Núñez-Patel' })]);
    expect((await search('ZOË NUN')).clients.map((c: any) => c.firstName)).toEqual(['Zoë']);
  });

  it('a parent by name, phone digits or email, with the family’s children', async () => {
    for (const q of ['priya', 'nunez priya', '555 010', '0102030', 'PRIYA.NUNEZ@']) {
      const found = await search(q);
      expect({ q, guardians: found.guardians.map((g: any) => g.name) }).toEqual({ q, guardians: ['Priya Núñez'] });
      // By last name: Núñez, then Patel.
      expect(found.guardians[0].children.map((c: any) => c.firstName)).toEqual(['Zoë', 'Maya']);
    }
  });

  it('families by name; nothing from another organization; a one-letter query is refused', async () => {
    expect((await search('patel')).families.map((f: any) => f.name)).toEqual(['Núñez-Patel']);
    expect((await other.get('/api/search?q=zoe')).body.clients).toHaveLength(1);
    // Every word must match: "zoe" is not in Zola Okafor's name.
    expect((await search('okafor zoe')).clients).toEqual([]);
    expect((await search('okafor zol')).clients.map((c: any) => c.firstName)).toEqual(['Zola']);
    const short = await api.get('/api/search?q=z');
    expect(short.status).toBe(400);
    expect(fieldsNamed(short.body)).toEqual(['querystring.q']);
  });

  it('the clients list and the families list search the same way', async () => {
    expect((await api.get('/api/clients?search=zoe')).body.items.map((c: any) => c.firstName)).toEqual(['Zoë']);
    expect((await api.get('/api/families?search=nunez')).body.items.map((f: any) => f.name)).toEqual(['Núñez-Patel']);
  });

  it('is answered from the trigram index, not a scan of every client', async () => {
    await server.db.execute(sql`set enable_seqscan = off`);
    try {
      const plan = await server.db.execute(
        sql`explain select id from clients where search_text(first_name || ' ' || last_name) like search_text('%zoe%')`,
      );
      const text = (plan as unknown as { rows: Record<string, string>[] }).rows.map((r) => Object.values(r)[0]).join('\n');
      expect(text).toContain('clients_search_idx');
    } finally {
      await server.db.execute(sql`reset enable_seqscan`);
    }
  });
});
