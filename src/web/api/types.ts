// The API's own DTO types, taken from its zod schemas (type-only: no server code reaches the browser).
import type { z } from 'zod';
import type { discountBody, InvoiceDto } from '../../contracts/billing';
import type {
  ClientDto,
  createClientBody,
  createFamilyBody,
  createGuardianBody,
  FamilyDto,
  GuardianDto,
} from '../../contracts/families';
import type { createInstructorBody, InstructorDto } from '../../contracts/instructors';
import type { createLocationBody, LocationDto } from '../../contracts/locations';
import type { createServiceBody, ServiceDto } from '../../contracts/services';
import type { ClientProfileDto } from '../../contracts/client-profile';
import type { SubscriptionDto } from '../../contracts/enrollment';
import type { ScheduleDto } from '../../contracts/schedule';
import type { RosterDto } from '../../contracts/roster';
import type { createSessionBody, SessionDateDto, SessionDto } from '../../contracts/sessions';
import type {
  finishSchema,
  PreviewTransferInput,
  TransferDto,
  TransferPreviewDto,
  TransferResultDto,
  transferTargetDto,
  transferTargetsDto,
} from '../../contracts/transfers';

export type {
  ClientDto,
  ClientProfileDto,
  FamilyDto,
  GuardianDto,
  InstructorDto,
  InvoiceDto,
  LocationDto,
  RosterDto,
  ScheduleDto,
  ServiceDto,
  SessionDateDto,
  SessionDto,
  SubscriptionDto,
  TransferDto,
  TransferPreviewDto,
  TransferResultDto,
};

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export type ScheduleEntryDto = ScheduleDto['entries'][number];
export type RosterEntryDto = RosterDto['clients'][number];
export type TransferTargetDto = z.infer<typeof transferTargetDto>;
export type TransferTargetsDto = z.infer<typeof transferTargetsDto>;
export type DiscountInput = z.input<typeof discountBody>;
export type FinishInput = z.input<typeof finishSchema>;
/** What the web app sends to preview or make a transfer (defaults left to the server). */
export type TransferRequest = Pick<PreviewTransferInput, 'subscriptionId' | 'transferDate' | 'targetSessionId'> &
  Partial<Omit<PreviewTransferInput, 'subscriptionId' | 'transferDate' | 'targetSessionId'>>;
export type ProfileSubscription = ClientProfileDto['subscriptions'][number];
export type HistoryEvent = ClientProfileDto['history'][number];
export type PaymentPlan = ServiceDto['defaultPaymentPlan'];

export type ServiceInput = z.input<typeof createServiceBody>;
export type SessionInput = z.input<typeof createSessionBody>;
export type LocationInput = z.input<typeof createLocationBody>;
export type InstructorInput = z.input<typeof createInstructorBody>;
export type FamilyInput = z.input<typeof createFamilyBody>;
export type GuardianInput = z.input<typeof createGuardianBody>;
export type ClientInput = z.input<typeof createClientBody>;

export interface AttendanceDto {
  sessionId: string;
  subscriptionId: string;
  date: string;
  present: boolean;
}
