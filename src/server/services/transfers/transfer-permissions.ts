import { Temporal } from 'temporal-polyfill';
import type { TransferPlan } from '../../../domain/transfers/plan-transfer.js';
import { requirePermission, type Actor } from '../../../domain/access/actor.js';

/** The parts of a transfer that only managers may do: back-dating and overriding capacity. */
export function assertTransferAllowed(actor: Actor, plan: TransferPlan, today: Temporal.PlainDate) {
  if (Temporal.PlainDate.compare(plan.transferDate, today) < 0) requirePermission(actor, 'transfers.backdate');
  if (plan.capacityOverridden) requirePermission(actor, 'capacity.override');
}
