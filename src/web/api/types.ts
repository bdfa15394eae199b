// The API's own DTO and request types, taken from its contracts' zod schemas (type-only: no
// schema code reaches the browser for a type). Screens import them from here or from the contracts.
import type { z } from 'zod';
import type {
  AccountCreditInput,
  ApplyCreditInput,
  BillingSettingsDto,
  BillingSettingsInput,
  discountBody,
  FamilyBalanceDto,
  finishSchema,
  InvoiceDto,
  LedgerEntryDto,
  paymentBody,
  RefundInput,
  StatementDto,
  VoidInput,
  WriteOffInput,
} from '../../contracts/billing';
import type { ClientProfileDto } from '../../contracts/client-profile';
import type { SubscriptionDto, UnenrollInput, UnenrollResultDto } from '../../contracts/enrollment';
import type {
  ClientDto,
  createClientBody,
  createFamilyBody,
  createGuardianBody,
  FamilyDto,
  GuardianDto,
} from '../../contracts/families';
import type { pageSchema } from '../../contracts/fields';
import type { createInstructorBody, InstructorDto } from '../../contracts/instructors';
import type { createLocationBody, LocationDto } from '../../contracts/locations';
import type { MeDto, OrganizationDto } from '../../contracts/organization';
import type { RosterDto } from '../../contracts/roster';
import type { ScheduleDto, scheduleQuery } from '../../contracts/schedule';
import type { createServiceBody, ServiceDto } from '../../contracts/services';
import type {
  AttendanceDto,
  AttendanceInput,
  createSessionBody,
  SessionDateDto,
  SessionDatesDto,
  SessionDto,
} from '../../contracts/sessions';
import type {
  PreviewTransferInput,
  TransferDto,
  TransferPreviewDto,
  TransferResultDto,
  transferTargetDto,
  transferTargetsDto,
  UndoTransferResultDto,
} from '../../contracts/transfers';

export type {
  AccountCreditInput,
  ApplyCreditInput,
  AttendanceDto,
  AttendanceInput,
  BillingSettingsDto,
  BillingSettingsInput,
  ClientDto,
  ClientProfileDto,
  FamilyBalanceDto,
  FamilyDto,
  GuardianDto,
  InstructorDto,
  InvoiceDto,
  LedgerEntryDto,
  LocationDto,
  MeDto,
  OrganizationDto,
  RefundInput,
  RosterDto,
  ScheduleDto,
  ServiceDto,
  SessionDateDto,
  SessionDatesDto,
  SessionDto,
  StatementDto,
  SubscriptionDto,
  TransferDto,
  TransferPreviewDto,
  TransferResultDto,
  UndoTransferResultDto,
  UnenrollInput,
  UnenrollResultDto,
  VoidInput,
  WriteOffInput,
};
export type { DiscountKind, PaymentMethod, PaymentPlan } from '../../domain/billing/value-sets';

/** One page of a list route (`limit` and `offset` as asked, `total` of all that match). */
export type Page<T> = z.infer<ReturnType<typeof pageSchema<z.ZodType<T>>>>;

export type ScheduleEntryDto = ScheduleDto['entries'][number];
/** What the schedule can be asked for: a period of local dates [from, to) and optional filters. */
export type ScheduleRequest = z.input<typeof scheduleQuery>;
export type RosterEntryDto = RosterDto['clients'][number];
export type TransferTargetDto = z.infer<typeof transferTargetDto>;
export type TransferTargetsDto = z.infer<typeof transferTargetsDto>;
export type DiscountInput = z.input<typeof discountBody>;
export type FinishInput = z.input<typeof finishSchema>;
/** A payment taken on an open invoice (the reference may be left out). */
export type PaymentInput = z.input<typeof paymentBody>;
export type InvoicePayment = InvoiceDto['payments'][number];
/** What the web app sends to preview or make a transfer (defaults left to the server). */
export type TransferRequest = Pick<PreviewTransferInput, 'subscriptionId' | 'transferDate' | 'targetSessionId'> &
  Partial<Omit<PreviewTransferInput, 'subscriptionId' | 'transferDate' | 'targetSessionId'>>;
export type ProfileSubscription = ClientProfileDto['subscriptions'][number];
export type HistoryEvent = ClientProfileDto['history'][number];

export type ServiceInput = z.input<typeof createServiceBody>;
export type SessionInput = z.input<typeof createSessionBody>;
export type LocationInput = z.input<typeof createLocationBody>;
export type InstructorInput = z.input<typeof createInstructorBody>;
export type FamilyInput = z.input<typeof createFamilyBody>;
export type GuardianInput = z.input<typeof createGuardianBody>;
export type ClientInput = z.input<typeof createClientBody>;

export type {
  CreatedTransferRequestDto,
  PortalTransferTargetsDto,
  TransferRequestDetailDto,
  TransferRequestDto,
} from '../../contracts/transfer-requests';
export type { TransferRequestStatus } from '../../domain/transfers/transfer-requests';
