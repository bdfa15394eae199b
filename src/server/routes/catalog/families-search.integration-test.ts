import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familyMatching } from '../../../db/repositories/family-repository.js';
import { families } from '../../../db/schema/index.js';
import { buildFamily, buildGuardian, buildOrganization } from '../../../db/seed/builders.js';
import { fieldsNamed, startTestServer, type TestApi, type TestServer } from '../../testing/test-server.js';

let server: TestServer;
let api: TestApi;
let organizationId: string;
beforeAll(async () => {
  server = await startTestServer();
  const org = await buildOrganization(server.db);
  organizationId = org.id;
  api = server.as(org.id, 'front_desk');
  const patel = await buildFamily(server.db, org.id, { name: 'Patel' });
  await buildGuardian(server.db, org.id, { familyId: patel.id, name: 'Zoë Núñez', email: 'zoe.nunez@example.com', phone: '+1 (555) 010-2030' });
  await buildGuardian(server.db, org.id, { familyId: patel.id, name: 'Raj Patel', email: 'raj@example.com', phone: null });
  const okafor = await buildFamily(server.db, org.id, { name: 'Okafor' });
  await buildGuardian(server.db, org.id, { familyId: okafor.id, name: 'Ada Okafor', email: 'ada@example.com', phone: '555 999 1234' });
  await buildFamily(server.db, org.id, { name: 'Zoellner' });
  // Another organization's family with the same guardian: never found from this one.
  const elsewhere = await buildOrganization(server.db);
  const theirs = await buildFamily(server.db, elsewhere.id, { name: 'Patel' });
  await buildGuardian(server.db, elsewhere.id, { familyId: theirs.id, name: 'Zoë Núñez', email: 'zoe.nunez@example.com', phone: '+1 (555) 010-2030' });
});
afterAll(() => server.close());

const familiesFound = async (search: string) => {
  const response = await api.get(`/api/families?search=${encodeURIComponent(search)}`);
  expect(response.status).toBe(200);
  return { names: response.body.items.map((f: { name: string }) => f.name), total: response.body.total };
};

describe('GET /api/families?search=', () => {
  it('finds a family by a guardian’s name, case- and accent-insensitively ("zoe" finds Zoë), once per family', async () => {
    expect(await familiesFound('zoe')).toEqual({ names: ['Patel', 'Zoellner'], total: 2 });
    expect(await familiesFound('ZOË NUN')).toEqual({ names: ['Patel'], total: 1 });
    // Two guardians of the Patel family match "example": the family is listed once.
    expect(await familiesFound('example.com')).toEqual({ names: ['Okafor', 'Patel'], total: 2 });
  });

  it('by a guardian’s phone digits, however they are typed, or email', async () => {
    for (const search of ['555 010', '(555) 010-2030', '0102030']) expect(await familiesFound(search)).toEqual({ names: ['Patel'], total: 1 });
    expect(await familiesFound('9991234')).toEqual({ names: ['Okafor'], total: 1 });
    expect(await familiesFound('ADA@EXAMPLE')).toEqual({ names: ['Okafor'], total: 1 });
    // Digits within words are part of a name, not a phone number: "zoe 010" is not Zoë's phone.
    expect(await familiesFound('zoe 010')).toEqual({ names: [], total: 0 });
  });

  it('by the family’s name; nothing matching gives an empty page; no search lists every family', async () => {
    expect(await familiesFound('okaf')).toEqual({ names: ['Okafor'], total: 1 });
    expect(await familiesFound('nobody here')).toEqual({ names: [], total: 0 });
    expect((await api.get('/api/families')).body.total).toBe(3);
  });

  it('refuses a search longer than 100 characters in words', async () => {
    const response = await api.get(`/api/families?search=${'a'.repeat(101)}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(fieldsNamed(response.body)).toEqual(['querystring.search']);
    expect(response.body.fields[0].message).toMatch(/at most 100 characters/);
  });

  it('on a large organization, is answered from the trigram indexes, not by reading every family or guardian', async () => {
    // 5,000 families with a guardian each, so the planner weighs the indexes as it would on a real school.
    const large = await buildOrganization(server.db);
    await server.db.execute(sql`
      with made as (
        insert into families (organization_id, name)
        select ${large.id}, 'Family ' || n from generate_series(1, 5000) n
        returning id, name
      )
      insert into guardians (organization_id, family_id, name, email, phone)
      select ${large.id}, id, 'Parent of ' || name, md5(name) || '@example.com', lpad((abs(hashtext(name)) % 10000000)::text, 7, '0')
      from made`);
    await server.db.execute(sql`analyze families`);
    await server.db.execute(sql`analyze guardians`);
    organizationId = large.id;
    try {
      const query = server.db
        .select({ id: families.id })
        .from(families)
        .where(and(eq(families.organizationId, organizationId), familyMatching(organizationId, '0102')))
        .toSQL();
      // Whether the indexes can answer it, whatever else the shared test database holds at this
      // moment (other files' rows shift the planner's estimates): with sequential scans priced
      // out, a query the indexes cannot serve still shows a Seq Scan. The header search's test does the same.
      const text = await server.db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        const plan = await tx.execute(sql.raw(`explain ${inline(query.sql, query.params)}`));
        return (plan as unknown as { rows: Record<string, string>[] }).rows.map((r) => Object.values(r)[0]).join('\n');
      });
      expect(text).toContain('families_search_idx');
      expect(text).toContain('guardians_search_name_idx');
      expect(text).toContain('guardians_search_phone_idx');
      // The families found are then read by their key, one at a time.
      expect(text).not.toMatch(/Seq Scan|guardians_family_idx/);
    } finally {
      organizationId = '';
    }
  });
});

/** The query with its parameters written in, for EXPLAIN (test values only: strings quoted). */
function inline(text: string, params: unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => `'${String(params[Number(n) - 1]).replace(/'/g, "''")}'`);
}
