import { and, asc, eq } from 'drizzle-orm';
import { anyOf } from './window.js';
import type { Database } from '../client.js';
import { faultPoint } from '../fault-injection.js';
import { attendance, subscriptions } from '../schema/index.js';

export type AttendanceRow = typeof attendance.$inferSelect;

export const attendanceRepository = {
  /** Marks a client present or absent on a session date; marking again replaces the mark. */
  async mark(db: Database, values: { organizationId: string; subscriptionId: string; date: string; present: boolean }) {
    faultPoint('attendance.upsert');
    const [row] = await db
      .insert(attendance)
      .values({ ...values, present: values.present ? 1 : 0 })
      .onConflictDoUpdate({
        target: [attendance.organizationId, attendance.subscriptionId, attendance.date],
        set: { present: values.present ? 1 : 0, recordedAt: new Date() },
      })
      .returning();
    return row!;
  },

  /** Whether any attendance (present or absent) is recorded on the subscription. */
  async anyForSubscription(db: Database, organizationId: string, subscriptionId: string): Promise<boolean> {
    const rows = await db
      .select({ date: attendance.date })
      .from(attendance)
      .where(and(eq(attendance.organizationId, organizationId), eq(attendance.subscriptionId, subscriptionId)))
      .limit(1);
    return rows.length > 0;
  },

  /** The dates with attendance recorded (present or absent) on the subscription, in order. */
  async datesRecordedFor(db: Database, organizationId: string, subscriptionId: string): Promise<string[]> {
    const rows = await db
      .select({ date: attendance.date })
      .from(attendance)
      .where(and(eq(attendance.organizationId, organizationId), eq(attendance.subscriptionId, subscriptionId)))
      .orderBy(asc(attendance.date));
    return rows.map((row) => row.date);
  },

  /** The dates among these on which attendance is recorded for any client of the session. */
  async datesRecordedForSession(db: Database, organizationId: string, sessionId: string, dates: readonly string[]): Promise<string[]> {
    if (dates.length === 0) return [];
    const rows = await db
      .selectDistinct({ date: attendance.date })
      .from(attendance)
      .innerJoin(
        subscriptions,
        and(eq(subscriptions.organizationId, attendance.organizationId), eq(subscriptions.id, attendance.subscriptionId)),
      )
      .where(and(eq(attendance.organizationId, organizationId), eq(subscriptions.sessionId, sessionId), anyOf(attendance.date, dates)))
      .orderBy(asc(attendance.date));
    return rows.map((row) => row.date);
  },

  /** The marks of these subscriptions on one date. */
  async listForSubscriptionsOn(db: Database, organizationId: string, subscriptionIds: readonly string[], date: string) {
    if (subscriptionIds.length === 0) return [];
    return db
      .select()
      .from(attendance)
      .where(
        and(
          eq(attendance.organizationId, organizationId),
          anyOf(attendance.subscriptionId, subscriptionIds),
          eq(attendance.date, date),
        ),
      );
  },
};
