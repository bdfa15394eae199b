import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import { subscriptionRepository } from '../../../db/repositories/subscription-repository.js';
import type { Actor } from '../../../domain/access/actor.js';
import { recordedActor, requirePermission } from '../../../domain/access/actor.js';
import { settle, type CheckoutFinish } from '../../../domain/billing/checkout-finish.js';
import type { Discount } from '../../../domain/billing/discounts.js';
import type { BillingPeriod, InvoiceLineDraft } from '../../../domain/billing/billing-periods.js';
import type { MoneyDisplay } from '../../../domain/billing/value-sets.js';
import type { CheckoutFinishInput, InvoiceDto } from '../../../contracts/billing.js';
import { createInvoiceWithDetails, recordSettlement } from './create-invoice.js';
import { toInvoiceDtos, writtenInReadOrder } from './invoice-details.js';

/** The finish as the domain decides it: dates as Temporal values, an absent reference as null. */
export function toDomainFinish(finish: CheckoutFinishInput): CheckoutFinish {
  switch (finish.kind) {
    case 'pay_now':
      return { kind: 'pay_now', amount: finish.amount, method: finish.method, reference: finish.reference ?? null };
    case 'pay_later':
      return { kind: 'pay_later', dueOn: finish.dueOn ? Temporal.PlainDate.from(finish.dueOn) : null };
    case 'close_now':
      return finish;
  }
}

/**
 * Checkout's invoice, inside the caller's transaction: written with the chosen discounts,
 * then settled by the finish button (Pay Now records the payment, Pay Later leaves it open
 * with its due date, Close Now writes the rest off, which only a manager may). Returns the
 * invoice as the API shows it, built from the rows just written rather than read back.
 */
export async function checkoutInvoice(
  tx: Database,
  o: {
    organizationId: string;
    actor: Actor;
    familyId: string;
    subscriptionId: string;
    issuedOn: Temporal.PlainDate;
    /** The due date the plan gives; Pay Later may set another. */
    dueOn: string;
    period: BillingPeriod;
    lines: readonly InvoiceLineDraft[];
    discounts: readonly Discount[];
    finish: CheckoutFinishInput;
    money: MoneyDisplay;
  },
): Promise<InvoiceDto> {
  const finish = toDomainFinish(o.finish);
  const ledger = { organizationId: o.organizationId, actorUserId: recordedActor(o.actor).userId, today: o.issuedOn };
  const { invoice: created, lines, discounts } = await createInvoiceWithDetails(tx, ledger, {
    period: o.period,
    familyId: o.familyId,
    subscriptionId: o.subscriptionId,
    issuedOn: o.issuedOn.toString(),
    dueOn: (finish.kind === 'pay_later' && finish.dueOn?.toString()) || o.dueOn,
    lines: o.lines,
    discounts: o.discounts,
    money: o.money,
  });
  const settlement = settle({ total: created.total, finish, money: o.money });
  if (settlement.writeOff > 0) requirePermission(o.actor, 'billing.adjust');
  const settled = await recordSettlement(tx, ledger, {
    invoice: created,
    settlement,
    ...(finish.kind === 'pay_now' ? { payment: { method: finish.method, reference: finish.reference ?? null } } : {}),
    ...(finish.kind === 'close_now' ? { writeOffReason: finish.reason } : {}),
  });
  const children = writtenInReadOrder({
    lines,
    discounts,
    payments: settled.payment ? [settled.payment] : [],
    writeOffs: settled.writeOff ? [settled.writeOff] : [],
  });
  const clientNames = await subscriptionRepository.clientNamesOf(tx, o.organizationId, [o.subscriptionId]);
  return toInvoiceDtos([settled.invoice], { ...children, clientNames })[0]!;
}
