import type { Database } from '../client.js';
import { refunds } from '../schema/index.js';
import { tenantTable } from './tenant-table.js';

export type RefundRow = typeof refunds.$inferSelect;

const refundRows = tenantTable(refunds, { orderBy: [refunds.refundedAt] });
export const refundRepository = {
  ...refundRows,

  /** The refunds of several invoices, oldest first. */
  listForInvoices(db: Database, organizationId: string, invoiceIds: readonly string[]) {
    return refundRows.listWhereIn(db, organizationId, refunds.invoiceId, invoiceIds, [refunds.refundedAt, refunds.id]);
  },
};
