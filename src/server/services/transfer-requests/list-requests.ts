import type { Database } from '../../../db/client.js';
import { transferRequestRepository } from '../../../db/repositories/transfer-request-repository.js';
import type { TransferRequestStatus } from '../../../domain/transfers/transfer-requests.js';
import type { OrganizationContext } from '../../../domain/access/actor.js';
import { toTransferRequestDto } from './request-dto.js';

/** Staff's queue: the requests in a status (pending by default), oldest first. */
export async function listTransferRequests(db: Database, organization: OrganizationContext, o: { status: TransferRequestStatus; limit: number; offset: number }) {
  const page = await transferRequestRepository.listByStatus(db, organization.id, o.status, o);
  return { items: page.items.map(toTransferRequestDto), total: page.total, limit: o.limit, offset: o.offset };
}

/** The number beside Requests in the staff menu. */
export async function countPendingRequests(db: Database, organization: OrganizationContext) {
  return { pending: await transferRequestRepository.countPending(db, organization.id) };
}

/** A guardian's own family's requests, newest first, with status and reasons. */
export async function listFamilyRequests(db: Database, organization: OrganizationContext, familyId: string) {
  return { items: (await transferRequestRepository.listForFamily(db, organization.id, familyId)).map(toTransferRequestDto) };
}
