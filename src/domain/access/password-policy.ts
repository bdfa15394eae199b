import { commonPasswords } from './common-passwords.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-length.js';

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

/**
 * One rule for every password (staff creation, first-run setup, create-organization, a change):
 * what is wrong with it in a few words for beside the field, or null when it is acceptable.
 */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  if (commonPasswords.has(password.toLowerCase())) return 'is one of the most common passwords; choose one nobody would guess';
  return null;
}
