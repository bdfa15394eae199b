import type { Database } from '../../../db/client.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';
import type { PreviewTransferInput, TransferPreviewDto } from '../../../contracts/transfers.js';
import { planTransferFromDatabase, toPreviewDto } from './plan-from-database.js';
import { assertTransferAllowed } from './transfer-permissions.js';

/** The plan, warnings and checkout quote of a transfer; changes nothing. */
export async function previewTransfer(
  db: Database,
  organization: OrganizationContext,
  actor: Actor,
  input: PreviewTransferInput,
): Promise<TransferPreviewDto> {
  const planned = await planTransferFromDatabase(db, organization, input, { lock: false });
  assertTransferAllowed(actor, planned.plan, organization);
  return toPreviewDto(organization, planned, input);
}
