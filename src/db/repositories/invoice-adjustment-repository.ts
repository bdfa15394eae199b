import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../client.js';
import { invoiceDiscounts, writeOffs } from '../schema/index.js';
import { tenantTable } from './tenant-table.js';

/** Discounts and write-offs: what lowers what an invoice asks for, each with its reason. */
export const invoiceDiscountRepository = {
  ...tenantTable(invoiceDiscounts, { orderBy: [invoiceDiscounts.createdAt] }),
  async listForInvoices(db: Database, organizationId: string, invoiceIds: readonly string[]) {
    if (invoiceIds.length === 0) return [];
    return db
      .select()
      .from(invoiceDiscounts)
      .where(and(eq(invoiceDiscounts.organizationId, organizationId), inArray(invoiceDiscounts.invoiceId, [...invoiceIds])))
      .orderBy(asc(invoiceDiscounts.createdAt), asc(invoiceDiscounts.id));
  },
};

export const writeOffRepository = {
  ...tenantTable(writeOffs, { orderBy: [writeOffs.writtenOffAt] }),
  async listForInvoices(db: Database, organizationId: string, invoiceIds: readonly string[]) {
    if (invoiceIds.length === 0) return [];
    return db
      .select()
      .from(writeOffs)
      .where(and(eq(writeOffs.organizationId, organizationId), inArray(writeOffs.invoiceId, [...invoiceIds])))
      .orderBy(asc(writeOffs.writtenOffAt), asc(writeOffs.id));
  },
};
