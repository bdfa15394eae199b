import { commonPasswords } from './common-passwords.js';

/** One rule for every password: staff creation, first-run setup, create-organization and a change. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * What is wrong with a password, in a few words for beside the field, or null when it is
 * acceptable. 128 is better-auth's own upper bound: a longer one would be stored and then
 * refused at every sign-in.
 */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  if (commonPasswords.has(password.toLowerCase())) return 'is one of the most common passwords; choose one nobody would guess';
  return null;
}
