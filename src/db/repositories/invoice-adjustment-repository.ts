import type { Database } from '../client.js';
import { invoiceDiscounts, writeOffs } from '../schema/index.js';
import { tenantTable } from './tenant-table.js';

export type InvoiceDiscountRow = typeof invoiceDiscounts.$inferSelect;
export type WriteOffRow = typeof writeOffs.$inferSelect;

/** Discounts and write-offs: what lowers what an invoice asks for, each with its reason. */
const discounts = tenantTable(invoiceDiscounts, { orderBy: [invoiceDiscounts.createdAt] });
export const invoiceDiscountRepository = {
  ...discounts,
  listForInvoices(db: Database, organizationId: string, invoiceIds: readonly string[]) {
    return discounts.listWhereIn(db, organizationId, invoiceDiscounts.invoiceId, invoiceIds, [invoiceDiscounts.createdAt, invoiceDiscounts.id]);
  },
};

const writeOffRows = tenantTable(writeOffs, { orderBy: [writeOffs.writtenOffAt] });
export const writeOffRepository = {
  ...writeOffRows,
  listForInvoices(db: Database, organizationId: string, invoiceIds: readonly string[]) {
    return writeOffRows.listWhereIn(db, organizationId, writeOffs.invoiceId, invoiceIds, [writeOffs.writtenOffAt, writeOffs.id]);
  },
};
