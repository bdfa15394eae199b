import { and, eq } from 'drizzle-orm';
import { anyOf } from './window.js';
import type { Database } from '../client.js';
import { faultPoint } from '../fault-injection.js';
import { attendance } from '../schema/index.js';

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
