import type { Database } from '../../../db/client.js';
import { invoiceRepository } from '../../../db/repositories/invoice-repository.js';
import type { OrganizationContext } from '../../../domain/access/actor.js';
import { AppError } from '../../../domain/errors.js';
import { portalInvoiceDto, type PortalInvoiceDto, type PortalInvoicesDto, type PortalStatementDto } from '../../../contracts/portal.js';
import { getFamilyBalance } from '../billing/get-family-balance.js';
import { getStatement } from '../billing/get-statement.js';
import { loadInvoices } from '../billing/invoice-details.js';

/** The family's invoices (newest first, void ones left out), its balance and the account credit it holds. */
export async function getPortalInvoices(db: Database, organization: OrganizationContext, familyId: string): Promise<PortalInvoicesDto> {
  const { currency, balance, accountCredit, invoices } = await getFamilyBalance(db, organization, familyId);
  const shown = invoices
    .filter((invoice) => invoice.status !== 'void')
    .sort((a, b) => b.dueOn.localeCompare(a.dueOn) || b.issuedOn.localeCompare(a.issuedOn));
  return { currency, balance, accountCredit, invoices: shown.map((invoice) => portalInvoiceDto.parse(invoice)) };
}

/** One of the family's invoices; another family's id is not found. */
export async function getPortalInvoice(db: Database, organization: OrganizationContext, familyId: string, invoiceId: string): Promise<PortalInvoiceDto> {
  const row = await invoiceRepository.findById(db, organization.id, invoiceId);
  if (!row || row.familyId !== familyId || row.status === 'void') throw new AppError('NOT_FOUND', 'None of your family’s invoices has this id.');
  const [invoice] = await loadInvoices(db, organization.id, [row]);
  return portalInvoiceDto.parse(invoice);
}

/** The family's statement (billing's own), without the names of the staff who made each entry. */
export async function getPortalStatement(db: Database, organization: OrganizationContext, familyId: string, range: { from: string; to: string }): Promise<PortalStatementDto> {
  const statement = await getStatement(db, organization, familyId, { ...range, format: 'json' });
  return { ...statement, entries: statement.entries.map(({ actorName: _staff, ...entry }) => entry) };
}
