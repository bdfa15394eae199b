import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The secret that signs session cookies: AUTH_SECRET when set (several servers must share
 * it), else one generated on the first start and kept in the data directory, so
 * `npm start` needs no set-up and logins survive restarts.
 */
export function authSecret(o: { configured: string | undefined; dataDir: string }): string {
  if (o.configured) return o.configured;
  const file = join(o.dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(o.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
