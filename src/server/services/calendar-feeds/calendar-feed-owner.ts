import type { Database } from '../../../db/client.js';
import type { CalendarFeedOwner, CalendarFeedRow } from '../../../db/repositories/calendar-feed-repository.js';
import { familyRepository } from '../../../db/repositories/family-repository.js';
import { instructorRepository } from '../../../db/repositories/instructor-repository.js';
import type { Actor } from '../../../domain/access/actor.js';
import { limitedToOwnSessions } from '../../../domain/access/permissions.js';
import { AppError } from '../../../domain/errors.js';
import type { CalendarFeedDto } from '../../../contracts/calendar-feeds.js';
import { calendarFeedUrls } from '../notifications/message-links.js';

export type { CalendarFeedOwner };

/** Who changes a feed, for the audit history: a staff member or a guardian in the portal. */
export interface FeedActor {
  userId: string;
  role: string;
}

/** The owner must be the organization's: another organization's family or instructor is 404, like one that does not exist. */
export async function assertOwnerExists(db: Database, organizationId: string, owner: CalendarFeedOwner): Promise<void> {
  const found =
    'familyId' in owner
      ? await familyRepository.findById(db, organizationId, owner.familyId)
      : await instructorRepository.findById(db, organizationId, owner.instructorId);
  if (!found) throw new AppError('NOT_FOUND', 'familyId' in owner ? 'No such family.' : 'No such instructor.');
}

/**
 * The instructor a staff login teaches as: instructors are matched to logins by email, as for
 * rosters. Only instructor logins have a feed of their own here; managers manage every
 * instructor's feed on the instructor's page.
 */
export async function ownInstructor(db: Database, organizationId: string, actor: Actor): Promise<CalendarFeedOwner> {
  if (!limitedToOwnSessions(actor.role)) {
    throw new AppError('FORBIDDEN', "Your own calendar feed is for instructors; a manager finds each instructor's feed on the instructor's page.");
  }
  const instructor = actor.email ? await instructorRepository.findByEmail(db, organizationId, actor.email) : undefined;
  if (!instructor) throw new AppError('NOT_FOUND', `No instructor has your email address (${actor.email ?? 'none'}); ask a manager to add it to your instructor record.`);
  return { instructorId: instructor.id };
}

export function toCalendarFeedDto(feed: CalendarFeedRow | undefined): CalendarFeedDto {
  if (!feed) return { feed: null };
  return { feed: { ...calendarFeedUrls(feed.token), createdAt: feed.createdAt.toISOString() } };
}
