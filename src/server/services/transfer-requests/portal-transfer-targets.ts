import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import type { PortalTransferTargetsDto } from '../../../contracts/transfer-requests.js';
import type { OrganizationContext } from '../../../domain/access/actor.js';
import { assertMovableByRequest } from '../../../domain/transfers/transfer-requests.js';
import { loadTransferTargets } from '../transfers/list-transfer-targets.js';
import { loadRequestedEnrollment } from './requested-enrollment.js';

/**
 * The sessions a guardian may ask to move a child's enrollment to, from staff's own list (the
 * same sessions, dates and seat counts), told as a parent needs it: when and where, and which
 * coming dates have a seat free from then on. A date in the past or today is never offered.
 */
export async function listPortalTransferTargets(
  db: Database,
  organization: OrganizationContext,
  familyId: string,
  o: { subscriptionId: string; from?: string | undefined },
): Promise<PortalTransferTargetsDto> {
  const { session, enrollment } = await loadRequestedEnrollment(db, organization, o.subscriptionId, { lock: false, familyId });
  assertMovableByRequest(enrollment, organization);
  const tomorrow = organization.today.add({ days: 1 });
  const asked = o.from ? Temporal.PlainDate.from(o.from) : tomorrow;
  const from = Temporal.PlainDate.compare(asked, tomorrow) > 0 ? asked : tomorrow;
  const targets = await loadTransferTargets(db, organization, { currentSessionId: session.id, from });
  return {
    subscriptionId: o.subscriptionId,
    childName: enrollment.childName,
    sessionName: session.name,
    currency: organization.currency,
    targets: targets.map((target) => {
      const real = target.nextDates.filter((d) => d.status !== 'cancelled');
      // A seat must be free from the first date on (the transfer checks every later date too).
      const dates = real.map((d, i) => ({ date: d.date, freeSeats: d.freeSeats, selectable: real.slice(i).every((later) => later.freeSeats > 0) }));
      const firstSelectable = dates.find((d) => d.selectable);
      return {
        sessionId: target.sessionId,
        sessionName: target.sessionName,
        serviceName: target.serviceName,
        weekdays: target.weekdays,
        startTime: target.startTime,
        durationMinutes: target.durationMinutes,
        locationName: target.locationName,
        price: target.price,
        paymentPlan: target.paymentPlan,
        freeSeats: firstSelectable?.freeSeats ?? 0,
        full: firstSelectable === undefined,
        dates,
      };
    }),
  };
}
