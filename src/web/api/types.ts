// The API's own DTO types, taken from its zod schemas (type-only: no server code reaches the browser).
import type { z } from 'zod';
import type { InvoiceDto } from '../../server/routes/billing/invoices.types';
import type {
  ClientDto,
  createClientBody,
  createFamilyBody,
  createGuardianBody,
  FamilyDto,
  GuardianDto,
} from '../../server/routes/catalog/families.types';
import type { createInstructorBody, InstructorDto } from '../../server/routes/catalog/instructors.types';
import type { createLocationBody, LocationDto } from '../../server/routes/catalog/locations.types';
import type { createServiceBody, ServiceDto } from '../../server/routes/catalog/services.types';
import type { ClientProfileDto } from '../../server/routes/clients/client-profile.types';
import type { SubscriptionDto } from '../../server/routes/enrollment/enrollment.types';
import type { ScheduleDto } from '../../server/routes/schedule/schedule.types';
import type { RosterDto } from '../../server/routes/sessions/roster.types';
import type { createSessionBody, SessionDateDto, SessionDto } from '../../server/routes/sessions/sessions.types';
import type {
  discountSchema,
  finishSchema,
  PreviewTransferInput,
  TransferDto,
  TransferPreviewDto,
  TransferResultDto,
  transferTargetDto,
  transferTargetsDto,
} from '../../server/routes/transfers/transfers.types';

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
export type DiscountInput = z.input<typeof discountSchema>;
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
