import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import { attendanceRepository } from '../../../db/repositories/attendance-repository.js';
import { guardianRepository } from '../../../db/repositories/guardian-repository.js';
import { sessionRepository } from '../../../db/repositories/session-repository.js';
import { subscriptionRepository } from '../../../db/repositories/subscription-repository.js';
import { AppError } from '../../../domain/errors.js';
import { writeDate } from '../../../domain/formatting/intl-formats.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';
import { assertMaySeeRoster } from './own-session.js';
import type { RosterDto } from '../../../contracts/roster.js';
import { listSessionDates } from '../../../domain/schedule/session-dates.js';
import { toSessionDateDto } from '../schedule/session-dates-with-enrollment.js';
import { toSessionSchedule } from './session-schedule.js';
import { findSession } from './session-service.js';

/** Who comes on one date of a session, with a guardian to call. */
export async function getRoster(
  db: Database,
  organization: OrganizationContext,
  actor: Actor,
  sessionId: string,
  isoDate: string,
): Promise<RosterDto> {
  const date = Temporal.PlainDate.from(isoDate);
  const range = { from: date, to: date.add({ days: 1 }) };
  // `db` is the pool here, not a transaction: the session, its exceptions that touch the date
  // and who is enrolled on it are read at once. Nothing is answered before the checks below.
  const [session, exceptions, enrolled] = await Promise.all([
    findSession(db, organization, sessionId),
    sessionRepository.exceptionsFor(db, organization.id, [sessionId], { from: isoDate, to: range.to.toString() }),
    subscriptionRepository.rosterOn(db, organization.id, sessionId, isoDate),
  ]);
  await assertMaySeeRoster(db, organization.id, actor, session);
  const schedule = toSessionSchedule(session, exceptions, organization.timeZone);
  const sessionDate = listSessionDates({ ...schedule, ...range, includeCancelled: true }).find((d) => d.date.equals(date));
  if (!sessionDate) {
    throw new AppError('NOT_A_SESSION_DATE', `${session.name} does not meet on ${writeDate(date, organization.locale)}; pick one of its dates.`, {
      fields: [{ field: 'querystring.date', message: `not a date of ${session.name}` }],
    });
  }
  const rows = sessionDate.status === 'cancelled' ? [] : enrolled;
  // The date's enrolled count is the roster's length (the same coverage rule), so it is not counted again.
  const onDate = { session, sessionDate, enrolled: rows.length };
  const [guardians, marks] = await Promise.all([
    guardianRepository.listForFamilies(db, organization.id, rows.map((r) => r.family.id)),
    attendanceRepository.listForSubscriptionsOn(db, organization.id, rows.map((r) => r.subscription.id), isoDate),
  ]);
  const presentBySubscription = new Map(marks.map((m) => [m.subscriptionId, m.present === 1]));
  const firstGuardian = new Map<string, (typeof guardians)[number]>();
  for (const guardian of guardians) if (!firstGuardian.has(guardian.familyId)) firstGuardian.set(guardian.familyId, guardian);
  return {
    sessionId,
    sessionName: session.name,
    sessionDate: toSessionDateDto(onDate),
    clients: rows.map(({ subscription, client, family }) => {
      const guardian = firstGuardian.get(family.id);
      return {
        subscriptionId: subscription.id,
        clientId: client.id,
        firstName: client.firstName,
        lastName: client.lastName,
        familyId: family.id,
        familyName: family.name,
        guardianName: guardian?.name ?? null,
        guardianPhone: guardian?.phone ?? null,
        startsOn: subscription.startsOn,
        endsOn: subscription.endsOn,
        present: presentBySubscription.get(subscription.id) ?? null,
      };
    }),
  };
}
