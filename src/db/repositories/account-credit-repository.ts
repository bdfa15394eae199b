import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { accountCreditEntries } from '../schema/index.js';
import { tenantTable } from './tenant-table.js';

export type AccountCreditRow = typeof accountCreditEntries.$inferSelect;

const creditRows = tenantTable(accountCreditEntries, { orderBy: [accountCreditEntries.createdAt] });
export const accountCreditRepository = {
  ...creditRows,

  /** What the family holds: credit added less credit applied to invoices. */
  async heldByFamily(db: Database, organizationId: string, familyId: string): Promise<number> {
    const [row] = await db
      .select({ held: sql<string>`coalesce(sum(${accountCreditEntries.amount}), 0)` })
      .from(accountCreditEntries)
      .where(and(eq(accountCreditEntries.organizationId, organizationId), eq(accountCreditEntries.familyId, familyId)));
    return Number(row?.held ?? 0);
  },

  /** Credit applied to several invoices (negative entries), oldest first. */
  listAppliedToInvoices(db: Database, organizationId: string, invoiceIds: readonly string[]) {
    return creditRows.listWhereIn(db, organizationId, accountCreditEntries.invoiceId, invoiceIds, [accountCreditEntries.createdAt, accountCreditEntries.id]);
  },

  /** A family's credit entries, oldest first. */
  listForFamily(db: Database, organizationId: string, familyId: string) {
    return creditRows.listWhereIn(db, organizationId, accountCreditEntries.familyId, [familyId], [accountCreditEntries.createdAt, accountCreditEntries.id]);
  },
};
