import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../client.js';
import { transfers } from '../schema/index.js';
import { tenantTable } from './tenant-table.js';

export type TransferRow = typeof transfers.$inferSelect;

export const transferRepository = {
  ...tenantTable(transfers, { orderBy: [transfers.createdAt] }),

  async listForClient(db: Database, organizationId: string, clientId: string) {
    return db
      .select()
      .from(transfers)
      .where(and(eq(transfers.organizationId, organizationId), eq(transfers.clientId, clientId)))
      .orderBy(desc(transfers.createdAt));
  },

  /**
   * The transfer that ended this subscription and stands (not undone): at most one, which a
   * unique index keeps true (DESIGN.md "Chains of transfers").
   */
  async findCompletedFrom(db: Database, organizationId: string, subscriptionId: string): Promise<TransferRow | undefined> {
    const [row] = await db
      .select()
      .from(transfers)
      .where(
        and(
          eq(transfers.organizationId, organizationId),
          eq(transfers.fromSubscriptionId, subscriptionId),
          eq(transfers.status, 'completed'),
        ),
      );
    return row;
  },

  /** The transfers that moved a client out of this subscription, newest first. */
  async listFromSubscription(db: Database, organizationId: string, subscriptionId: string) {
    return db
      .select()
      .from(transfers)
      .where(and(eq(transfers.organizationId, organizationId), eq(transfers.fromSubscriptionId, subscriptionId)))
      .orderBy(desc(transfers.createdAt));
  },
};
