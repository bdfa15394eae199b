import type { Database } from '../../../db/client.js';
import { invoiceRepository } from '../../../db/repositories/invoice-repository.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';
import type { InvoiceDto, VoidInput } from '../../../contracts/billing.js';
import { changeInvoice, factsOf } from './change-invoice.js';
import { recordInLedger } from './ledger.js';
import { assertVoidable } from '../../../domain/billing/invoice-rules.js';

/** Voids an open invoice nobody has paid on; it stays in history and asks for nothing. */
export async function voidInvoice(
  db: Database,
  organization: OrganizationContext,
  actor: Actor,
  invoiceId: string,
  input: VoidInput,
): Promise<InvoiceDto> {
  return changeInvoice(db, organization, actor, invoiceId, {
    action: 'invoice.voided',
    change: async ({ tx, organizationId, row, invoice, money, ledger }) => {
      assertVoidable({ invoice: factsOf(invoice), money });
      await invoiceRepository.update(tx, organizationId, row.id, { status: 'void', statusBeforeVoid: row.status });
      await recordInLedger(tx, ledger, [
        { familyId: row.familyId, invoiceId: row.id, kind: 'void', amount: -invoice.amountDue, description: `Invoice voided: ${input.reason}` },
      ]);
      return { reason: input.reason };
    },
  });
}
