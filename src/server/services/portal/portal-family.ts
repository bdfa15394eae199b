import type { Database } from '../../../db/client.js';
import { clientRepository } from '../../../db/repositories/client-repository.js';
import { familyRepository } from '../../../db/repositories/family-repository.js';
import { subscriptionRepository } from '../../../db/repositories/subscription-repository.js';
import type { OrganizationContext } from '../../../domain/access/actor.js';
import { AppError } from '../../../domain/errors.js';
import { nextEnrolledDates } from '../../../domain/subscriptions/next-dates.js';
import type { PortalEnrollmentDto, PortalFamilyDto } from '../../../contracts/portal.js';
import { periodOf, toSessionDateDto } from '../schedule/session-dates-with-enrollment.js';
import { loadSessionSchedules } from '../sessions/session-schedule.js';

/** How many next dates each enrollment shows. */
export const NEXT_DATES_SHOWN = 8;

type EnrollmentRow = Awaited<ReturnType<typeof subscriptionRepository.listRunningForFamilyWithDetails>>[number];

/**
 * DESIGN.md "The family portal": the family's children, each with their current and upcoming
 * enrollments and the next dates of each (cancelled dates shown, moved ones at their new time).
 */
export async function getPortalFamily(db: Database, organization: OrganizationContext, familyId: string): Promise<PortalFamilyDto> {
  const [family, children, enrollments] = await Promise.all([
    familyRepository.findById(db, organization.id, familyId),
    clientRepository.listForFamilies(db, organization.id, [familyId]),
    familyEnrollments(db, organization, { familyId }),
  ]);
  if (!family) throw new AppError('NOT_FOUND', 'Your family is no longer in the organization; ask them.');
  return {
    familyId,
    familyName: family.name,
    today: organization.today.toString(),
    children: children.map((child) => ({
      id: child.id,
      firstName: child.firstName,
      lastName: child.lastName,
      enrollments: enrollments.filter((e) => e.clientId === child.id),
    })),
  };
}

/** One of the family's current or upcoming enrollments; any other id (another family's, an ended one) is not found. */
export async function getPortalEnrollment(db: Database, organization: OrganizationContext, familyId: string, subscriptionId: string): Promise<PortalEnrollmentDto> {
  const [enrollment] = await familyEnrollments(db, organization, { familyId, subscriptionId });
  if (!enrollment) throw new AppError('NOT_FOUND', 'None of your family’s current classes has this id.');
  return enrollment;
}

/** The family's running enrollments with their next dates (one query for the enrollments, one for the sessions' exceptions). */
export async function familyEnrollments(
  db: Database,
  organization: OrganizationContext,
  o: { familyId: string; subscriptionId?: string },
): Promise<PortalEnrollmentDto[]> {
  const rows = await subscriptionRepository.listRunningForFamilyWithDetails(db, organization.id, { ...o, after: organization.today.toString() });
  const sessions = [...new Map(rows.map((row) => [row.session.id, row.session])).values()];
  const schedules = await loadSessionSchedules(db, organization, sessions);
  return rows.map((row) => toPortalEnrollment(row, nextEnrolledDates({ ...schedules.get(row.session.id)!, period: periodOf(row.subscription), today: organization.today, count: NEXT_DATES_SHOWN })));
}

function toPortalEnrollment(row: EnrollmentRow, dates: ReturnType<typeof nextEnrolledDates>): PortalEnrollmentDto {
  const { subscription, session } = row;
  return {
    subscriptionId: subscription.id,
    clientId: row.client.id,
    sessionId: session.id,
    sessionName: session.name,
    serviceName: row.serviceName,
    weekdays: session.weekdays,
    startTime: session.startTime.slice(0, 5),
    durationMinutes: session.durationMinutes,
    locationName: row.locationName,
    instructorName: row.instructorName,
    startsOn: subscription.startsOn,
    endsOn: subscription.endsOn,
    nextDates: dates.map((sessionDate) => {
      const { date, originalDate, status, startsAt, endsAt, localStartTime } = toSessionDateDto({ session, sessionDate, enrolled: 0 });
      return { date, originalDate, status, startsAt, endsAt, localStartTime };
    }),
  };
}
