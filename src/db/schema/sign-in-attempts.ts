import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Sign-in attempts per account (lower-cased email) in the current window, so the limit holds
 * whatever address the attempts come from and across any number of API servers. A successful
 * sign-in removes the row. Not a tenant table: the email may belong to no organization at all.
 */
export const signInAttempts = pgTable('sign_in_attempts', {
  email: text('email').primaryKey(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  attempts: integer('attempts').notNull(),
});
