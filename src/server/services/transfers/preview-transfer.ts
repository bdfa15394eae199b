import type { Database } from '../../../db/client.js';
import type { OrganizationContext } from '../../http/organization-scope.js';
import type { PreviewTransferInput, TransferPreviewDto } from '../../routes/transfers/transfers.types.js';
import { planTransferFromDatabase, toPreviewDto } from './plan-from-database.js';

/** The plan, warnings and checkout quote of a transfer; changes nothing. */
export async function previewTransfer(db: Database, organization: OrganizationContext, input: PreviewTransferInput): Promise<TransferPreviewDto> {
  const planned = await planTransferFromDatabase(db, organization, input, { lock: false });
  return toPreviewDto(organization, planned, input);
}
