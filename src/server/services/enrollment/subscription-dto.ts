import type { SubscriptionRow } from '../../../db/repositories/subscription-repository.js';
import type { SubscriptionDto } from '../../../contracts/enrollment.js';

export function toSubscriptionDto(row: SubscriptionRow): SubscriptionDto {
  return {
    id: row.id,
    clientId: row.clientId,
    sessionId: row.sessionId,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    status: row.status,
    paymentPlan: row.paymentPlan,
    priceSnapshot: row.priceSnapshot,
  };
}
