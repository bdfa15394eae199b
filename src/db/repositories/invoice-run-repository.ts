import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../client.js';
import { invoiceRuns } from '../schema/index.js';
import { tenantTable } from './tenant-table.js';

export const invoiceRunRepository = {
  ...tenantTable(invoiceRuns, { orderBy: [invoiceRuns.createdAt] }),

  /** The organization's latest finished run, if any. */
  async latestFinished(db: Database, organizationId: string) {
    const [row] = await db
      .select()
      .from(invoiceRuns)
      .where(and(eq(invoiceRuns.organizationId, organizationId)))
      .orderBy(desc(invoiceRuns.runOn), desc(invoiceRuns.createdAt))
      .limit(1);
    return row;
  },
};
