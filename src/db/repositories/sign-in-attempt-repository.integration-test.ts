import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client.js';
import { signInAttempts } from '../schema/index.js';
import { openTestDatabase } from '../testing/test-database.js';
import { signInAttemptRepository } from './sign-in-attempt-repository.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

describe('signInAttemptRepository', () => {
  it('counts attempts per account, each concurrent attempt getting its own count', async () => {
    const email = `${randomUUID()}@example.test`;
    const counts = await Promise.all(Array.from({ length: 8 }, () => signInAttemptRepository.count(handle.db, email, 900)));
    expect(counts.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await signInAttemptRepository.count(handle.db, `${randomUUID()}@example.test`, 900)).toBe(1);
  });

  it('starts a window again once it has passed, and afresh after clear', async () => {
    const email = `${randomUUID()}@example.test`;
    await signInAttemptRepository.count(handle.db, email, 900);
    await signInAttemptRepository.count(handle.db, email, 900);
    await handle.db.update(signInAttempts).set({ windowStartedAt: sql`now() - interval '16 minutes'` }).where(eq(signInAttempts.email, email));
    expect(await signInAttemptRepository.count(handle.db, email, 900)).toBe(1);
    expect(await signInAttemptRepository.count(handle.db, email, 900)).toBe(2);
    await signInAttemptRepository.clear(handle.db, email);
    expect(await signInAttemptRepository.count(handle.db, email, 900)).toBe(1);
  });
});
