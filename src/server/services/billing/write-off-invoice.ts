import type { Database } from '../../../db/client.js';
import { writeOffRepository } from '../../../db/repositories/invoice-adjustment-repository.js';
import { invoiceRepository } from '../../../db/repositories/invoice-repository.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';
import type { InvoiceDto, WriteOffInput } from '../../../contracts/billing.js';
import { changeInvoice, factsOf } from './change-invoice.js';
import { recordInLedger } from './ledger.js';
import { decideWriteOff } from '../../../domain/billing/invoice-rules.js';

/** Writes off what the family will not be asked for (default: all that is due); closed when nothing is left. */
export async function writeOffInvoice(
  db: Database,
  organization: OrganizationContext,
  actor: Actor,
  invoiceId: string,
  input: WriteOffInput,
): Promise<InvoiceDto> {
  return changeInvoice(db, organization, actor, invoiceId, {
    action: 'invoice.written_off',
    change: async ({ tx, organizationId, row, invoice, money, ledger }) => {
      const decision = decideWriteOff({ invoice: factsOf(invoice), amount: input.amount, money });
      await writeOffRepository.insert(tx, organizationId, {
        invoiceId: row.id,
        familyId: row.familyId,
        amount: decision.amount,
        reason: input.reason,
      });
      if (decision.status !== row.status) await invoiceRepository.update(tx, organizationId, row.id, { status: decision.status });
      await recordInLedger(tx, ledger, [
        { familyId: row.familyId, invoiceId: row.id, kind: 'write_off', amount: -decision.amount, description: `Written off: ${input.reason}` },
      ]);
      return { writeOff: { amount: decision.amount, reason: input.reason } };
    },
  });
}
