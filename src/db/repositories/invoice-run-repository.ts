import { and, desc, eq, gte, isNotNull } from 'drizzle-orm';
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
      .where(and(eq(invoiceRuns.organizationId, organizationId), isNotNull(invoiceRuns.finishedAt)))
      .orderBy(desc(invoiceRuns.runOn), desc(invoiceRuns.createdAt))
      .limit(1);
    return row;
  },

  /**
   * Every organization's finished runs as of `day` or later (the daily job's question: has
   * today's run happened?). A run that never finished is not among them.
   */
  async finishedOnOrAfter(db: Database, day: string) {
    return db
      .select({ organizationId: invoiceRuns.organizationId, runOn: invoiceRuns.runOn })
      .from(invoiceRuns)
      .where(and(gte(invoiceRuns.runOn, day), isNotNull(invoiceRuns.finishedAt)));
  },
};
