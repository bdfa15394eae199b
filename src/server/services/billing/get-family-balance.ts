import type { Database } from '../../../db/client.js';
import { familyRepository } from '../../../db/repositories/family-repository.js';
import { invoiceRepository } from '../../../db/repositories/invoice-repository.js';
import { familyBalance } from '../../../domain/billing/balance.js';
import { AppError } from '../../../domain/errors.js';
import type { OrganizationContext } from '../../../domain/access/actor.js';
import type { FamilyBalanceDto } from '../../../contracts/billing.js';
import { loadInvoices } from './invoice-details.js';

/** What a family owes: invoiced − paid − written off over its invoices that are not void. */
export async function getFamilyBalance(db: Database, organization: OrganizationContext, familyId: string): Promise<FamilyBalanceDto> {
  const family = await familyRepository.findById(db, organization.id, familyId);
  if (!family) throw new AppError('NOT_FOUND', 'No family has this id in your organization.');
  const invoices = await loadInvoices(db, organization.id, await invoiceRepository.listForFamily(db, organization.id, familyId));
  return { familyId, currency: organization.currency, balance: familyBalance(invoices), invoices };
}
