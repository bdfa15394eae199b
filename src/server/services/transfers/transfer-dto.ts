import type { TransferRow } from '../../../db/repositories/transfer-repository.js';
import type { TransferDto } from '../../../contracts/transfers.js';

export function toTransferDto(row: TransferRow): TransferDto {
  return {
    id: row.id,
    clientId: row.clientId,
    fromSubscriptionId: row.fromSubscriptionId,
    toSubscriptionId: row.toSubscriptionId,
    transferDate: row.transferDate,
    oldEndsOn: row.oldEndsOn,
    firstSessionDate: row.firstSessionDate,
    reason: row.reason,
    checkout: row.checkout,
    invoiceId: row.invoiceId,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    undoneAt: row.undoneAt?.toISOString() ?? null,
  };
}
