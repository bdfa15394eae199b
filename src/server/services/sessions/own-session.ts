import type { Database } from '../../../db/client.js';
import { instructorRepository } from '../../../db/repositories/instructor-repository.js';
import type { SessionRow } from '../../../db/repositories/session-repository.js';
import { limitedToOwnSessions, type Role } from '../../../domain/access/permissions.js';
import { AppError } from '../../../domain/errors.js';

/** Instructors see and mark only the sessions they teach (matched by their login email). */
export async function assertMaySeeRoster(
  db: Database,
  organizationId: string,
  actor: { role: Role; email?: string | undefined },
  session: SessionRow,
) {
  if (!limitedToOwnSessions(actor.role)) return;
  const instructor = await instructorRepository.findById(db, organizationId, session.instructorId);
  if (!instructor?.email || instructor.email.toLowerCase() !== actor.email?.toLowerCase()) {
    throw new AppError('FORBIDDEN', `As an instructor you can see only the rosters of the sessions you teach; ${session.name} is taught by someone else.`);
  }
}
