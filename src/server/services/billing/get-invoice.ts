import type { Database } from '../../../db/client.js';
import { invoiceRepository } from '../../../db/repositories/invoice-repository.js';
import type { OrganizationContext } from '../../../domain/access/actor.js';
import type { InvoiceDto } from '../../../contracts/billing.js';
import { invoiceNotFound } from './change-invoice.js';
import { loadInvoices } from './invoice-details.js';

/** One invoice with its lines, discounts, payments, write-offs and what is still due. */
export async function getInvoice(db: Database, organization: OrganizationContext, invoiceId: string): Promise<InvoiceDto> {
  const row = await invoiceRepository.findById(db, organization.id, invoiceId);
  if (!row) throw invoiceNotFound();
  const [invoice] = await loadInvoices(db, organization.id, [row]);
  return invoice!;
}
