import { inArray, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { authUsers, organizations } from '../schema/index.js';

/** Any fixed number: the key of the advisory lock two first-run requests queue on. */
const FIRST_RUN_LOCK = 16_000_016;

export const firstRunRepository = {
  /** Whether any organization exists (the first run is over once one does). */
  async anyOrganization(db: Database): Promise<boolean> {
    const [row] = await db.select({ one: sql<number>`1` }).from(organizations).limit(1);
    return row !== undefined;
  },

  /** Which of these emails have a login (to find the demo's logins, whose password is published). */
  async loginsWithEmails(db: Database, emails: readonly string[]): Promise<string[]> {
    if (emails.length === 0) return [];
    const rows = await db.select({ email: authUsers.email }).from(authUsers).where(inArray(authUsers.email, [...emails]));
    return rows.map((row) => row.email).sort();
  },

  /**
   * Call first in the first run's transaction: a second first run (another tab, another
   * server) waits here until the first commits, then sees its organization and is refused.
   */
  async takeTurn(db: Database): Promise<void> {
    await db.execute(sql`select pg_advisory_xact_lock(${FIRST_RUN_LOCK})`);
  },
};
