import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import type { Database } from '../client.js';
import { invoiceLines, invoices } from '../schema/index.js';
import { tenantTable } from './tenant-table.js';

export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;

export const invoiceRepository = {
  ...tenantTable(invoices, { orderBy: [invoices.dueOn] }),

  async listForSubscriptions(db: Database, organizationId: string, subscriptionIds: readonly string[]) {
    if (subscriptionIds.length === 0) return [];
    return db
      .select()
      .from(invoices)
      .where(and(eq(invoices.organizationId, organizationId), inArray(invoices.subscriptionId, [...subscriptionIds])))
      .orderBy(asc(invoices.dueOn), asc(invoices.id));
  },

  /**
   * Voids the subscription's open invoices due on or after `dueOn` (what ending a
   * subscription does), keeping their status so an undo can restore it. Returns their ids
   * by due date. Paid and closed invoices are left alone.
   */
  async voidOpenDueOnOrAfter(db: Database, organizationId: string, subscriptionId: string, dueOn: string) {
    const voided = await db
      .update(invoices)
      .set({ status: 'void', statusBeforeVoid: 'open' })
      .where(
        and(
          eq(invoices.organizationId, organizationId),
          eq(invoices.subscriptionId, subscriptionId),
          eq(invoices.status, 'open'),
          gte(invoices.dueOn, dueOn),
        ),
      )
      .returning({ id: invoices.id, dueOn: invoices.dueOn });
    return voided.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id)).map(({ id }) => id);
  },

  async listForFamily(db: Database, organizationId: string, familyId: string) {
    return db
      .select()
      .from(invoices)
      .where(and(eq(invoices.organizationId, organizationId), eq(invoices.familyId, familyId)))
      .orderBy(asc(invoices.dueOn), asc(invoices.id));
  },
};

export const invoiceLineRepository = {
  ...tenantTable(invoiceLines, { orderBy: [invoiceLines.invoiceId, invoiceLines.periodStart] }),

  async listForInvoices(db: Database, organizationId: string, invoiceIds: readonly string[]) {
    if (invoiceIds.length === 0) return [];
    return db
      .select()
      .from(invoiceLines)
      .where(and(eq(invoiceLines.organizationId, organizationId), inArray(invoiceLines.invoiceId, [...invoiceIds])))
      .orderBy(asc(invoiceLines.invoiceId), asc(invoiceLines.periodStart), asc(invoiceLines.id));
  },
};
