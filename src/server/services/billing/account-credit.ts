import type { Database } from '../../../db/client.js';
import { accountCreditRepository } from '../../../db/repositories/account-credit-repository.js';
import { auditRepository } from '../../../db/repositories/audit-repository.js';
import { familyRepository } from '../../../db/repositories/family-repository.js';
import { invoiceRepository } from '../../../db/repositories/invoice-repository.js';
import type { AccountCreditInput, ApplyCreditInput, FamilyBalanceDto, InvoiceDto } from '../../../contracts/billing.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';
import { decideCreditApplication } from '../../../domain/billing/invoice-rules.js';
import { formatMoney } from '../../../domain/billing/money.js';
import { AppError } from '../../../domain/errors.js';
import { changeInvoice, factsOf } from './change-invoice.js';
import { getFamilyBalance } from './get-family-balance.js';
import { recordInLedger, type LedgerContext } from './ledger.js';

/**
 * Puts money on a family's account (DESIGN.md "Account credit"), inside the caller's
 * transaction: the family owes that much less, and staff or the run apply it to invoices later.
 */
export async function addAccountCredit(tx: Database, ledger: LedgerContext, o: { familyId: string; amount: number; reason: string }) {
  await accountCreditRepository.insert(tx, ledger.organizationId, {
    familyId: o.familyId,
    invoiceId: null,
    amount: o.amount,
    reason: o.reason,
    actorUserId: ledger.actorUserId,
  });
  await recordInLedger(tx, ledger, [{ familyId: o.familyId, kind: 'account_credit', amount: -o.amount, description: `Account credit: ${o.reason}` }]);
}

/**
 * Applies account credit the family holds to an invoice, inside the caller's transaction (the
 * invoice row locked by the caller): what is due goes down, the balance does not move.
 */
export async function applyCreditTo(
  tx: Database,
  ledger: LedgerContext,
  o: { invoice: { id: string; familyId: string }; amount: number; money: { currency: string; locale: string } },
) {
  await accountCreditRepository.insert(tx, ledger.organizationId, {
    familyId: o.invoice.familyId,
    invoiceId: o.invoice.id,
    amount: -o.amount,
    reason: 'Applied to an invoice',
    actorUserId: ledger.actorUserId,
  });
  await recordInLedger(tx, ledger, [
    {
      familyId: o.invoice.familyId,
      invoiceId: o.invoice.id,
      kind: 'account_credit_applied',
      amount: 0,
      description: `Account credit of ${formatMoney({ amount: o.amount, ...o.money })} applied to an invoice`,
    },
  ]);
}

/** Staff apply the family's account credit to one open invoice (E10: $48.00 leaves $2.00 due and no credit). */
export async function applyAccountCredit(
  db: Database,
  organization: OrganizationContext,
  actor: Actor,
  invoiceId: string,
  input: ApplyCreditInput,
): Promise<InvoiceDto> {
  return changeInvoice(db, organization, actor, invoiceId, {
    action: 'invoice.credit_applied',
    change: async ({ tx, organizationId, row, invoice, money, ledger }) => {
      // Locked so two applications of the same credit queue and the second sees the first.
      await familyRepository.findByIdForUpdate(tx, organizationId, row.familyId);
      const held = await accountCreditRepository.heldByFamily(tx, organizationId, row.familyId);
      const decision = decideCreditApplication({ invoice: factsOf(invoice), held, amount: input.amount, money });
      await applyCreditTo(tx, ledger, { invoice: row, amount: decision.amount, money });
      if (decision.status !== row.status) await invoiceRepository.update(tx, organizationId, row.id, { status: decision.status });
      return { creditApplied: decision.amount };
    },
  });
}

/** A manager puts credit on a family's account by hand (a goodwill gesture, money paid in advance). */
export async function giveAccountCredit(
  db: Database,
  organization: OrganizationContext,
  actor: Actor,
  familyId: string,
  input: AccountCreditInput,
): Promise<FamilyBalanceDto> {
  await db.transaction(async (tx) => {
    const family = await familyRepository.findByIdForUpdate(tx, organization.id, familyId);
    if (!family) throw new AppError('NOT_FOUND', 'No family has this id in your organization.');
    await addAccountCredit(tx, { organizationId: organization.id, actorUserId: actor.userId, today: organization.today }, { familyId, ...input });
    await auditRepository.record(tx, {
      organizationId: organization.id,
      actor,
      action: 'family.account_credit_added',
      entityType: 'family',
      entityId: familyId,
      after: input,
    });
  });
  return getFamilyBalance(db, organization, familyId);
}
