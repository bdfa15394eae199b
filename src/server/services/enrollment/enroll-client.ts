import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import { auditRepository } from '../../../db/repositories/audit-repository.js';
import { clientRepository } from '../../../db/repositories/client-repository.js';
import { sessionRepository } from '../../../db/repositories/session-repository.js';
import { subscriptionRepository } from '../../../db/repositories/subscription-repository.js';
import { AppError } from '../../../domain/errors.js';
import { writeDate } from '../../../domain/formatting/intl-formats.js';
import { assertMayReachBack, reachesBack } from '../../../domain/time/the-past.js';
import { firstRealSessionDateOnOrAfter, isRealSessionDate } from '../../../domain/schedule/session-dates.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';
import type { EnrollInput, SubscriptionDto } from '../../../contracts/enrollment.js';
import { assertReferencesExist } from '../catalog/resource-service.js';
import { loadSessionSchedules } from '../sessions/session-schedule.js';
import { assertSeatAvailable } from './seat-check.js';
import { toSubscriptionDto } from './subscription-dto.js';

/** Enrolls a client in a session from a first session date, holding a seat on every date. */
export async function enrollClient(
  db: Database,
  organization: OrganizationContext,
  actor: Actor,
  input: EnrollInput,
): Promise<SubscriptionDto> {
  return db.transaction(async (tx) => {
    await assertReferencesExist(tx, organization.id, input, [
      { field: 'clientId', noun: 'client', repository: clientRepository },
      { field: 'sessionId', noun: 'session', repository: sessionRepository },
    ]);
    const session = (await sessionRepository.findByIdForUpdate(tx, organization.id, input.sessionId))!;
    const schedule = (await loadSessionSchedules(tx, organization, [session])).get(session.id)!;
    const startsOn = Temporal.PlainDate.from(input.startsOn);
    const reached = reachesBack({ dates: [{ date: startsOn, field: 'body.startsOn' }], today: organization.today });
    assertMayReachBack({ actor, reached, today: organization.today, locale: organization.locale, change: 'Enrolling from this date' });
    if (!isRealSessionDate({ ...schedule, date: startsOn })) {
      const next = firstRealSessionDateOnOrAfter({ ...schedule, date: startsOn });
      throw new AppError(
        'NOT_A_SESSION_DATE',
        `${session.name} does not meet on ${writeDate(startsOn, organization.locale)}` +
          (next ? `; its next date is ${writeDate(next, organization.locale)}.` : '; it has no later dates.'),
        { fields: [{ field: 'body.startsOn', message: `not a session date of ${session.name}` }], suggestedDate: next?.toString() ?? null },
      );
    }
    await assertSeatAvailable(tx, {
      organizationId: organization.id,
      locale: organization.locale,
      session,
      schedule,
      clientId: input.clientId,
      period: { startsOn, endsOn: null },
    });
    const subscription = await subscriptionRepository.insert(tx, organization.id, {
      clientId: input.clientId,
      sessionId: session.id,
      startsOn: input.startsOn,
      endsOn: null,
      paymentPlan: session.paymentPlan,
      priceSnapshot: session.price,
    });
    const dto = toSubscriptionDto(subscription);
    await auditRepository.record(tx, {
      organizationId: organization.id,
      actor,
      action: 'subscription.enrolled',
      entityType: 'subscription',
      entityId: subscription.id,
      clientId: subscription.clientId,
      after: dto,
    });
    return dto;
  });
}
