import type { Database } from '../../../db/client.js';
import { transferRequestRepository } from '../../../db/repositories/transfer-request-repository.js';
import type { TransferRequestDetailDto } from '../../../contracts/transfer-requests.js';
import type { OrganizationContext } from '../../../domain/access/actor.js';
import { AppError } from '../../../domain/errors.js';
import { enrollmentChange, requestTransferDate } from '../../../domain/transfers/transfer-requests.js';
import { Temporal } from 'temporal-polyfill';
import { toTransferRequestDto } from './request-dto.js';
import { loadRequestedEnrollment } from './requested-enrollment.js';

/**
 * One request as staff open it to review: what the transfer dialog is pre-filled with (the
 * date the child would leave, as approving today would make it) and, while pending, whether
 * its enrollment changed since the guardian asked (then it cannot be approved).
 */
export async function getTransferRequest(db: Database, organization: OrganizationContext, id: string): Promise<TransferRequestDetailDto> {
  const view = await transferRequestRepository.findView(db, organization.id, id);
  if (!view) throw new AppError('NOT_FOUND', 'No transfer request has this id in your organization.');
  const dto = toTransferRequestDto(view);
  const { enrollment, subscription } = await loadRequestedEnrollment(db, organization, view.request.subscriptionId, { lock: false });
  const transferDate = requestTransferDate({ enrollment, firstSessionDate: Temporal.PlainDate.from(view.request.firstSessionDate), today: organization.today });
  const period = { startsOn: subscription.startsOn, endsOn: subscription.endsOn };
  if (view.request.status !== 'pending') return { ...dto, transferDate: null, changed: null, subscription: period };
  return { ...dto, transferDate: transferDate?.toString() ?? null, changed: enrollmentChange(enrollment, organization.locale), subscription: period };
}
