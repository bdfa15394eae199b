import type { Database } from '../client.js';
import { payments } from '../schema/index.js';
import { tenantTable } from './tenant-table.js';

export type PaymentRow = typeof payments.$inferSelect;

const paymentRows = tenantTable(payments, { orderBy: [payments.receivedAt] });
export const paymentRepository = {
  ...paymentRows,

  listForInvoices(db: Database, organizationId: string, invoiceIds: readonly string[]) {
    return paymentRows.listWhereIn(db, organizationId, payments.invoiceId, invoiceIds, [payments.receivedAt, payments.id]);
  },
};
