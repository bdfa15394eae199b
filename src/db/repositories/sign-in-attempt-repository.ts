import { eq, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { signInAttempts } from '../schema/index.js';

export const signInAttemptRepository = {
  /**
   * Counts one more attempt for the account and returns the attempts of its current window
   * (a window older than `windowSeconds` starts again at 1). One statement, so concurrent
   * attempts on any server each get their own count.
   */
  async count(db: Database, email: string, windowSeconds: number): Promise<number> {
    const windowExpired = sql`${signInAttempts.windowStartedAt} <= now() - make_interval(secs => ${windowSeconds})`;
    const [row] = await db
      .insert(signInAttempts)
      .values({ email, windowStartedAt: sql`now()`, attempts: 1 })
      .onConflictDoUpdate({
        target: signInAttempts.email,
        set: {
          attempts: sql`case when ${windowExpired} then 1 else ${signInAttempts.attempts} + 1 end`,
          windowStartedAt: sql`case when ${windowExpired} then now() else ${signInAttempts.windowStartedAt} end`,
        },
      })
      .returning({ attempts: signInAttempts.attempts });
    return row!.attempts;
  },

  /** After a successful sign-in: the account starts afresh. */
  async clear(db: Database, email: string): Promise<void> {
    await db.delete(signInAttempts).where(eq(signInAttempts.email, email));
  },
};
