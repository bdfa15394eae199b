import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFamily, buildOrganization } from '../../db/seed/builders.js';
import { startTestServer, type TestApi, type TestServer, fieldsNamed } from '../testing/test-server.js';

let server: TestServer;
let api: TestApi;
let familyId: string;
beforeAll(async () => {
  server = await startTestServer();
  const org = await buildOrganization(server.db);
  api = server.as(org.id);
  familyId = (await buildFamily(server.db, org.id)).id;
});
afterAll(() => server.close());

/** Found by the bad-input reliability test: PostgreSQL text cannot hold U+0000, and such a name was a 500. */
describe('text with the NUL character', () => {
  it('is refused as a 400 naming the field, and nothing is stored', async () => {
    const before = (await api.get('/api/clients?limit=1')).body.total;
    const response = await api.post('/api/clients', { familyId, firstName: 'a\u0000b', lastName: 'Patel' });
    expect(response.status).toBe(400);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', detail: expect.stringContaining('The first name contains a character that cannot be stored') });
    expect(fieldsNamed(response.body)).toEqual(['body.firstName']);
    expect((await api.get('/api/clients?limit=1')).body.total).toBe(before);
  });

  it('in a change, nested in an array, or in a search', async () => {
    expect((await api.patch(`/api/families/${familyId}`, { name: '\u0000' })).status).toBe(400);
    const nested = await api.post('/api/transfers/preview', { discounts: [{ kind: 'amount', amount: 1, reason: 'x\u0000' }] });
    expect(fieldsNamed(nested.body)).toEqual(['body.discounts.0.reason']);
    expect(nested.body.detail).toContain('Discount 1: the reason contains a character that cannot be stored');
    const search = await api.get('/api/clients?search=%00');
    expect(search.status).toBe(400);
    expect(fieldsNamed(search.body)).toEqual(['querystring.search']);
  });
});

/** A lone UTF-16 surrogate (JSON can send "\ud83d" alone) was stored as U+FFFD: the name read back was not the name sent. */
describe('text with half of a surrogate pair', () => {
  it('is refused naming the field, while a whole emoji is kept exactly', async () => {
    const body = `{"familyId":"${familyId}","firstName":"Zo\\ud83d","lastName":"Patel"}`;
    const refused = await api.post('/api/clients', body);
    expect(refused.status).toBe(400);
    expect(fieldsNamed(refused.body)).toEqual(['body.firstName']);
    const lowHalf = await api.post('/api/clients', body.replace('\\ud83d', '\\ude00'));
    expect(fieldsNamed(lowHalf.body)).toEqual(['body.firstName']);
    const kept = await api.post('/api/clients', { familyId, firstName: 'Zoë 😀', lastName: 'Patel' });
    expect(kept.status).toBe(201);
    expect((await api.get(`/api/clients/${kept.body.id}`)).body.firstName).toBe('Zoë 😀');
  });
});
