import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../client.js';
import { clients, guardians, instructors, sessions, subscriptions } from '../schema/index.js';
import { anyOf } from './window.js';

/** Someone a message can go to, as the outbox needs them (the domain's Recipient). */
export interface RecipientRow {
  kind: 'guardian' | 'instructor';
  id: string;
  name: string;
  email: string | null;
  mutedKinds: string[];
}

/** An enrollment as a message tells of it: the child, the family to tell, the session and its instructor. */
export interface EnrollmentFacts {
  subscriptionId: string;
  clientName: string;
  familyId: string;
  sessionId: string;
  sessionName: string;
  weekdays: number[];
  startTime: string;
  instructor: RecipientRow;
}

export const recipientRepository = {
  /** The guardians of a family, each with the kinds of email they turned off. */
  async guardiansOfFamily(db: Database, organizationId: string, familyId: string): Promise<RecipientRow[]> {
    return (await recipientRepository.guardiansOfFamilies(db, organizationId, [familyId])).get(familyId)!;
  },

  /** The guardians of several families at once (the invoice run tells hundreds per batch). */
  async guardiansOfFamilies(db: Database, organizationId: string, familyIds: readonly string[]): Promise<Map<string, RecipientRow[]>> {
    const byFamily = new Map<string, RecipientRow[]>(familyIds.map((id) => [id, []]));
    if (familyIds.length === 0) return byFamily;
    const rows = await db
      .select({ familyId: guardians.familyId, id: guardians.id, name: guardians.name, email: guardians.email, mutedKinds: guardians.mutedMessageKinds })
      .from(guardians)
      .where(and(eq(guardians.organizationId, organizationId), anyOf(guardians.familyId, familyIds)))
      .orderBy(asc(guardians.name));
    for (const { familyId, ...guardian } of rows) byFamily.get(familyId)?.push({ kind: 'guardian', ...guardian });
    return byFamily;
  },

  /** The facts of these enrollments (void ones too: an undo tells of the enrollment it voided). */
  async enrollmentFacts(db: Database, organizationId: string, subscriptionIds: readonly string[]): Promise<Map<string, EnrollmentFacts>> {
    if (subscriptionIds.length === 0) return new Map();
    const rows = await db
      .select({
        subscriptionId: subscriptions.id,
        firstName: clients.firstName,
        lastName: clients.lastName,
        familyId: clients.familyId,
        sessionId: sessions.id,
        sessionName: sessions.name,
        weekdays: sessions.weekdays,
        startTime: sessions.startTime,
        instructorId: instructors.id,
        instructorName: instructors.name,
        instructorEmail: instructors.email,
      })
      .from(subscriptions)
      .innerJoin(clients, and(eq(clients.organizationId, subscriptions.organizationId), eq(clients.id, subscriptions.clientId)))
      .innerJoin(sessions, and(eq(sessions.organizationId, subscriptions.organizationId), eq(sessions.id, subscriptions.sessionId)))
      .innerJoin(instructors, and(eq(instructors.organizationId, sessions.organizationId), eq(instructors.id, sessions.instructorId)))
      .where(and(eq(subscriptions.organizationId, organizationId), anyOf(subscriptions.id, subscriptionIds)));
    return new Map(
      rows.map((row) => [
        row.subscriptionId,
        {
          subscriptionId: row.subscriptionId,
          clientName: `${row.firstName} ${row.lastName}`,
          familyId: row.familyId,
          sessionId: row.sessionId,
          sessionName: row.sessionName,
          weekdays: row.weekdays,
          startTime: row.startTime,
          instructor: { kind: 'instructor', id: row.instructorId, name: row.instructorName, email: row.instructorEmail, mutedKinds: [] },
        },
      ]),
    );
  },
};
