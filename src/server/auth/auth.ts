import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { organization } from 'better-auth/plugins';
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client.js';
import {
  authAccounts,
  authInvitations,
  authMembers,
  authOrganizations,
  authRateLimits,
  authSessions,
  authUsers,
  authVerifications,
} from '../../db/schema/index.js';
import { authMemberRepository } from '../../db/repositories/auth-member-repository.js';
import { passwordResetPageUrl } from '../services/notifications/message-links.js';
import { tellPasswordReset } from '../services/notifications/tell-staff.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../domain/access/password-policy.js';

/** A login lasts 12 hours from its last refresh; a session in use is refreshed at most once an hour. */
export const SESSION_EXPIRES_IN_SECONDS = 60 * 60 * 12;
export const SESSION_UPDATE_AGE_SECONDS = 60 * 60;
/** How long an emailed password reset link works. */
export const RESET_LINK_VALID_MINUTES = 60;

export interface AuthOptions {
  db: Database;
  baseURL: string;
  secret: string;
  trustedOrigins: string[];
  secureCookies: boolean;
  /** Sign-in attempts per minute from one address. */
  signInAttemptsPerMinute?: number;
  /** Sign-in attempts per 15 minutes for one account, from any address (routes/auth/auth-routes.ts counts them). */
  signInAttemptsPerAccount?: number;
}

/**
 * better-auth: email + password, organizations, sessions in the database (so any number of
 * API servers can serve them), httpOnly SameSite=Lax cookies, Secure in production, origin
 * checks and a database-backed rate limit on sign-in.
 */
export function createAuth(o: AuthOptions) {
  return betterAuth({
    basePath: '/api/auth',
    baseURL: o.baseURL,
    secret: o.secret,
    trustedOrigins: o.trustedOrigins,
    database: drizzleAdapter(o.db, {
      provider: 'pg',
      schema: {
        user: authUsers,
        session: authSessions,
        account: authAccounts,
        verification: authVerifications,
        organization: authOrganizations,
        member: authMembers,
        invitation: authInvitations,
        rateLimit: authRateLimits,
      },
    }),
    // The app's own policy (domain/access/password-policy.ts) is checked before better-auth sees a new password.
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      // The reset link goes through the outbox like every email; it opens the web app's page,
      // which posts the token with the new password. A reset ends every other session.
      resetPasswordTokenExpiresIn: RESET_LINK_VALID_MINUTES * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }) =>
        tellPasswordReset(o.db, { userId: user.id, name: user.name, email: user.email, resetUrl: passwordResetPageUrl(token), validMinutes: RESET_LINK_VALID_MINUTES }),
    },
    plugins: [organization({ allowUserToCreateOrganization: false, creatorRole: 'owner' })],
    session: { expiresIn: SESSION_EXPIRES_IN_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: { '/sign-in/email': { window: 60, max: o.signInAttemptsPerMinute ?? 10 } },
    },
    advanced: {
      useSecureCookies: o.secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure: o.secureCookies },
      database: { generateId: () => randomUUID() },
    },
    databaseHooks: {
      session: {
        create: {
          // A staff member works for one organization: the session starts in it.
          before: async (session) => {
            const membership = await authMemberRepository.firstForUser(o.db, session.userId);
            return { data: { ...session, activeOrganizationId: membership?.organizationId ?? null } };
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
