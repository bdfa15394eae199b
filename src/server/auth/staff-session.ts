import { fromNodeHeaders } from 'better-auth/node';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Database } from '../../db/client.js';
import { authSessionRepository } from '../../db/repositories/auth-session-repository.js';
import { SESSION_EXPIRES_IN_SECONDS, SESSION_UPDATE_AGE_SECONDS, type Auth } from './auth.js';

export type StaffSession = NonNullable<Awaited<ReturnType<typeof authSessionRepository.findWithMembership>>>;

/** The value of one cookie in a Cookie header, decoded; undefined when absent or malformed. */
function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const equals = part.indexOf('=');
    if (equals < 0 || part.slice(0, equals).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(equals + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The token of a cookie better-auth signed (`token.base64(HMAC-SHA256(secret, token))`), or null when unsigned or forged. */
export function verifiedToken(signed: string | undefined, secret: string): string | null {
  const dot = signed?.lastIndexOf('.') ?? -1;
  if (!signed || dot < 1) return null;
  const token = signed.slice(0, dot);
  const given = Buffer.from(signed.slice(dot + 1), 'base64');
  const expected = createHmac('sha256', secret).update(token).digest();
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

/**
 * Who a request's session cookie belongs to, their role and organization: one query per
 * request instead of better-auth's getSession followed by a membership and an organization
 * lookup. better-auth still signs in, signs out and refreshes: when a session is due for its
 * hourly refresh, getSession runs as before and extends it.
 */
export async function staffSessionReader(db: Database, auth: Auth) {
  const context = await auth.$context;
  const cookieName = context.authCookies.sessionToken.name;
  const secret = context.secret;
  return async (headers: IncomingHttpHeaders): Promise<StaffSession | undefined> => {
    const token = verifiedToken(cookieValue(headers.cookie, cookieName), secret);
    if (!token) return undefined;
    const found = await authSessionRepository.findWithMembership(db, token);
    const now = Date.now();
    if (!found || found.expiresAt.getTime() <= now) return undefined;
    const refreshDueAt = found.expiresAt.getTime() - (SESSION_EXPIRES_IN_SECONDS - SESSION_UPDATE_AGE_SECONDS) * 1000;
    if (refreshDueAt <= now) await auth.api.getSession({ headers: fromNodeHeaders(headers) });
    return found;
  };
}
