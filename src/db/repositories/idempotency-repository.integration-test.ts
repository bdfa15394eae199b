import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../client.js';
import { buildOrganization } from '../seed/builders.js';
import { openTestDatabase } from '../testing/test-database.js';
import { idempotencyRepository } from './idempotency-repository.js';

let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

describe('idempotencyRepository', () => {
  it('claims a new key once: a second claim of it returns false and keeps the first request', async () => {
    const org = await buildOrganization(db);

    expect(await idempotencyRepository.claim(db, org.id, 'key-1', 'hash-a')).toBe(true);
    expect(await idempotencyRepository.claim(db, org.id, 'key-1', 'hash-b')).toBe(false);
    expect(await idempotencyRepository.find(db, org.id, 'key-1')).toMatchObject({
      organizationId: org.id,
      key: 'key-1',
      requestHash: 'hash-a',
      responseStatus: 0,
      responseBody: {},
    });
  });

  it('keeps keys per organization: the same key is new in another one', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);

    expect(await idempotencyRepository.claim(db, org.id, 'shared', 'hash-a')).toBe(true);
    expect(await idempotencyRepository.find(db, other.id, 'shared')).toBeUndefined();
    expect(await idempotencyRepository.claim(db, other.id, 'shared', 'hash-b')).toBe(true);
    expect(await idempotencyRepository.find(db, other.id, 'shared')).toMatchObject({ requestHash: 'hash-b' });
  });

  it('completes a key with the response, in its organization only', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    await idempotencyRepository.claim(db, org.id, 'key', 'hash-a');
    await idempotencyRepository.claim(db, other.id, 'key', 'hash-a');
    await idempotencyRepository.claim(db, org.id, 'another key', 'hash-a');

    await idempotencyRepository.complete(db, org.id, 'key', { status: 201, body: { id: 'abc', items: [1, 2] } });

    expect(await idempotencyRepository.find(db, org.id, 'key')).toMatchObject({ responseStatus: 201, responseBody: { id: 'abc', items: [1, 2] } });
    expect(await idempotencyRepository.find(db, other.id, 'key')).toMatchObject({ responseStatus: 0, responseBody: {} });
    expect(await idempotencyRepository.find(db, org.id, 'another key')).toMatchObject({ responseStatus: 0, responseBody: {} });
  });

  it('finds nothing for a key never claimed', async () => {
    const org = await buildOrganization(db);
    expect(await idempotencyRepository.find(db, org.id, 'never')).toBeUndefined();
  });
});
