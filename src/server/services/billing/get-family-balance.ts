import type { Database } from '../../../db/client.js';
import { accountCreditRepository } from '../../../db/repositories/account-credit-repository.js';
import { familyRepository } from '../../../db/repositories/family-repository.js';
import { invoiceRepository } from '../../../db/repositories/invoice-repository.js';
import { ledgerRepository } from '../../../db/repositories/ledger-repository.js';
import type { FamilyBalanceDto } from '../../../contracts/billing.js';
import type { OrganizationContext } from '../../../domain/access/actor.js';
import { AppError } from '../../../domain/errors.js';
import { loadInvoices } from './invoice-details.js';

/** What a family owes: the sum of its ledger (what its invoices still ask for, less the account credit it holds). */
export async function getFamilyBalance(db: Database, organization: OrganizationContext, familyId: string): Promise<FamilyBalanceDto> {
  const family = await familyRepository.findById(db, organization.id, familyId);
  if (!family) throw new AppError('NOT_FOUND', 'No family has this id in your organization.');
  const [rows, accountCredit, balance] = await Promise.all([
    invoiceRepository.listForFamily(db, organization.id, familyId),
    accountCreditRepository.heldByFamily(db, organization.id, familyId),
    ledgerRepository.balanceOfFamily(db, organization.id, familyId),
  ]);
  const invoices = await loadInvoices(db, organization.id, rows, { concurrent: true });
  return { familyId, currency: organization.currency, balance, accountCredit, invoices };
}
