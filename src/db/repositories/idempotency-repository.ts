import { and, eq } from 'drizzle-orm';
import type { Database } from '../client.js';
import { faultPoint } from '../fault-injection.js';
import { idempotencyKeys } from '../schema/index.js';

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;

export const idempotencyRepository = {
  /**
   * Claims a key inside the caller's transaction. On PostgreSQL a concurrent claim of the
   * same key waits here until the first transaction ends, then sees its stored result.
   * Returns false when the key was already claimed.
   */
  async claim(db: Database, organizationId: string, key: string, requestHash: string): Promise<boolean> {
    faultPoint('idempotency_keys.insert');
    const claimed = await db
      .insert(idempotencyKeys)
      .values({ organizationId, key, requestHash, responseStatus: 0, responseBody: {} })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    return claimed.length === 1;
  },

  async find(db: Database, organizationId: string, key: string): Promise<IdempotencyRow | undefined> {
    const [row] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.organizationId, organizationId), eq(idempotencyKeys.key, key)));
    return row;
  },

  async complete(db: Database, organizationId: string, key: string, response: { status: number; body: unknown }) {
    faultPoint('idempotency_keys.update');
    await db
      .update(idempotencyKeys)
      .set({ responseStatus: response.status, responseBody: response.body })
      .where(and(eq(idempotencyKeys.organizationId, organizationId), eq(idempotencyKeys.key, key)));
  },
};
