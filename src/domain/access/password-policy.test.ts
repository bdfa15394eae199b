import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.js';

describe('the password policy', () => {
  it('accepts 10 to 128 characters that are not a common password', () => {
    expect(passwordProblem('river-otter-42')).toBeNull();
    expect(passwordProblem('x'.repeat(9) + 'y')).toBeNull();
    expect(passwordProblem('a'.repeat(127) + 'b')).toBeNull();
  });

  it('refuses fewer than 10 and more than 128 characters', () => {
    expect(passwordProblem('short-pw1')).toBe('must be at least 10 characters');
    expect(passwordProblem('p'.repeat(129))).toBe('must be at most 128 characters');
  });

  it.each(['1234567890', 'qwertyuiop', 'password123', 'Password123', 'BASKETBALL'])('refuses the common password %s', (password) => {
    expect(passwordProblem(password)).toMatch(/most common passwords/);
  });
});
