import type { Database } from '../../../db/client.js';
import { invoiceDiscountRepository } from '../../../db/repositories/invoice-adjustment-repository.js';
import { invoiceRepository } from '../../../db/repositories/invoice-repository.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';
import type { DiscountInput, InvoiceDto } from '../../../contracts/billing.js';
import { changeInvoice, factsOf } from './change-invoice.js';
import { recordInLedger } from './ledger.js';
import { decideDiscount } from '../../../domain/billing/invoice-rules.js';

/** Adds an amount or percent discount to an open, unpaid invoice and recomputes its total (E3). */
export async function addDiscount(
  db: Database,
  organization: OrganizationContext,
  actor: Actor,
  invoiceId: string,
  input: DiscountInput,
): Promise<InvoiceDto> {
  return changeInvoice(db, organization, actor, invoiceId, {
    action: 'invoice.discount_added',
    change: async ({ tx, organizationId, row, invoice, money, ledger }) => {
      const decision = decideDiscount({ invoice: factsOf(invoice), discount: input, money });
      const basisPoints = input.kind === 'percent' ? input.basisPoints : null;
      await invoiceDiscountRepository.insert(tx, organizationId, {
        invoiceId: row.id,
        kind: input.kind,
        basisPoints,
        amount: decision.amount,
        reason: input.reason,
      });
      await invoiceRepository.update(tx, organizationId, row.id, {
        discountTotal: decision.discountTotal,
        total: decision.total,
        status: decision.status,
      });
      await recordInLedger(tx, ledger, [
        { familyId: row.familyId, invoiceId: row.id, kind: 'discount', amount: -decision.amount, description: `Discount: ${input.reason}` },
      ]);
      return { discount: { kind: input.kind, basisPoints, amount: decision.amount, reason: input.reason } };
    },
  });
}
