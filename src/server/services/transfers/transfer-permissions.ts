import { requirePermission, type Actor, type OrganizationContext } from '../../../domain/access/actor.js';
import { assertMayReachBack } from '../../../domain/time/the-past.js';
import type { TransferPlan } from '../../../domain/transfers/plan-transfer.js';

/** The parts of a transfer only managers may do: reaching back before today, and overriding capacity. */
export function assertTransferAllowed(actor: Actor, plan: TransferPlan, organization: OrganizationContext) {
  assertMayReachBack({ actor, reached: plan.reachedBack, today: organization.today, locale: organization.locale, change: 'This transfer' });
  if (plan.capacityOverridden) requirePermission(actor, 'capacity.override');
}
