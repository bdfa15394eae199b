import type { Database } from '../../../db/client.js';
import { signInAttemptRepository } from '../../../db/repositories/sign-in-attempt-repository.js';
import { AppError } from '../../../domain/errors.js';

export interface SignInLimit {
  /** Attempts one account may have in a window, whatever address they come from. */
  attemptsPerAccount: number;
  windowSeconds: number;
}

/** The account an email names, as the limit counts it (better-auth stores emails lower-cased). */
const accountOf = (email: string) => email.trim().toLowerCase();

/**
 * Counts a sign-in attempt for the account before it is tried, and refuses it past the limit.
 * Counted in the database, so rotating addresses or servers does not reset it.
 */
export async function countSignInAttempt(db: Database, email: string, limit: SignInLimit): Promise<void> {
  const attempts = await signInAttemptRepository.count(db, accountOf(email), limit.windowSeconds);
  if (attempts > limit.attemptsPerAccount) {
    throw new AppError('TOO_MANY_ATTEMPTS', 'Too many sign-in attempts for this account; wait a few minutes, then try again.', {
      retryAfterSeconds: limit.windowSeconds,
    });
  }
}

/** After a successful sign-in the account's count starts afresh. */
export async function forgetSignInAttempts(db: Database, email: string): Promise<void> {
  await signInAttemptRepository.clear(db, accountOf(email));
}
