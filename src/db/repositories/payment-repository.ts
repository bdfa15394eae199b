import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../client.js';
import { payments } from '../schema/index.js';
import { tenantTable } from './tenant-table.js';

export type PaymentRow = typeof payments.$inferSelect;

export const paymentRepository = {
  ...tenantTable(payments, { orderBy: [payments.receivedAt] }),

  async listForInvoices(db: Database, organizationId: string, invoiceIds: readonly string[]) {
    if (invoiceIds.length === 0) return [];
    return db
      .select()
      .from(payments)
      .where(and(eq(payments.organizationId, organizationId), inArray(payments.invoiceId, [...invoiceIds])))
      .orderBy(asc(payments.receivedAt), asc(payments.id));
  },
};
