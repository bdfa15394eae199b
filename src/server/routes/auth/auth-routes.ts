import { fromNodeHeaders } from 'better-auth/node';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changePasswordBody,
  changePasswordResultDto,
  signInBody,
  signInResultDto,
  signOutResultDto,
  updateUserBody,
  updateUserResultDto,
  requestPasswordResetBody,
  resetPasswordBody,
  statusResultDto,
} from '../../../contracts/auth.js';
import type { Database } from '../../../db/client.js';
import { AppError } from '../../../domain/errors.js';
import type { Auth } from '../../auth/auth.js';
import { countSignInAttempt, forgetSignInAttempts } from '../../services/auth/sign-in-limit.js';

export interface AuthRouteOptions {
  /** The address better-auth is configured with (requests to it are made against this, never the Host header). */
  baseURL: string;
  /** Sign-in attempts one account may have in a window, whatever address they come from. */
  signInAttemptsPerAccount: number;
  signInAttemptWindowSeconds: number;
}

/** How better-auth's refusals read as the API's problems (better-auth answers { code, message }). */
function problemOf(status: number, body: { code?: string } | undefined, path: string): AppError {
  const code = body?.code;
  if (status === 429) return new AppError('TOO_MANY_ATTEMPTS', 'Too many attempts; wait a minute, then try again.');
  if (code === 'INVALID_EMAIL_OR_PASSWORD' || code === 'INVALID_EMAIL') {
    return new AppError('UNAUTHENTICATED', 'That email and password do not match an account; check both and try again.');
  }
  if (code === 'INVALID_PASSWORD' && path.endsWith('/change-password')) {
    return new AppError('VALIDATION_FAILED', 'The current password is not right; nothing was changed.', {
      fields: [{ field: 'body.currentPassword', message: 'is not right' }],
    });
  }
  if (code === 'INVALID_TOKEN') {
    return new AppError('VALIDATION_FAILED', 'This reset link is old or was used already; ask for a new one with "Forgot password?".', {
      fields: [{ field: 'body.token', message: 'is old or used' }],
    });
  }
  if (code === 'SESSION_EXPIRED') return new AppError('UNAUTHENTICATED', 'For this change, sign in again first; nothing was changed.');
  if (status === 401) return new AppError('UNAUTHENTICATED', 'Log in to continue.');
  if (status === 403) {
    return new AppError('CROSS_SITE_REQUEST', "This request must come from the app's own page; open the app and try again.");
  }
  return new AppError('VALIDATION_FAILED', 'The request could not be done as sent; check it and try again.');
}

/**
 * Hands one validated request to better-auth and sends its answer back: the client address as
 * Fastify determined it (TRUST_PROXY), the configured address instead of the Host header, only
 * the validated body; a refusal becomes problem+json like every other.
 */
async function forward(auth: Auth, o: AuthRouteOptions, request: FastifyRequest, reply: FastifyReply, body: unknown) {
  const headers = fromNodeHeaders(request.headers);
  for (const name of ['host', 'content-length', 'x-forwarded-host', 'x-forwarded-proto', 'forwarded']) headers.delete(name);
  headers.set('x-forwarded-for', request.ip);
  if (body !== undefined) headers.set('content-type', 'application/json');
  const response = await auth.handler(
    new Request(new URL(request.url, o.baseURL), {
      method: request.method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    }),
  );
  const text = response.body ? await response.text() : '';
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) reply.header('set-cookie', cookies);
  if (response.status >= 500) throw new Error(`better-auth answered ${response.status} to ${request.method} ${request.url}: ${text.slice(0, 500)}`);
  if (response.status >= 400) {
    let parsed: { code?: string } | undefined;
    try {
      parsed = JSON.parse(text) as { code?: string };
    } catch {
      parsed = undefined;
    }
    const retryAfter = response.headers.get('x-retry-after') ?? response.headers.get('retry-after');
    if (retryAfter) reply.header('retry-after', retryAfter);
    throw problemOf(response.status, parsed, request.routeOptions.url ?? request.url);
  }
  reply.status(response.status);
  // Sent through the route's response schema, so an answer better-auth changes shape of shows at once.
  return JSON.parse(text) as never;
}

/**
 * The better-auth endpoints the app uses, and only those: sign in, sign out, change one's
 * password (ending every other session) and one's name, and the emailed password reset. Everything else better-auth offers
 * (members, roles, invitations, organizations, sign-up…) is not routed, so it answers 404:
 * staff and organizations change only through the app's own routes, the permission table and
 * the audit.
 */
export function registerAuthRoutes(app: FastifyInstance, auth: Auth, db: Database, o: AuthRouteOptions) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const signInRefusals = ['UNAUTHENTICATED', 'TOO_MANY_ATTEMPTS'] as const;

  typed.post('/api/auth/sign-in/email', {
    config: { refuses: signInRefusals },
    schema: {
      operationId: 'signIn',
      tags: ['auth'],
      summary: 'Sign in with email and password; the answer sets the session cookie',
      description:
        'The better-auth.session_token cookie it sets (HttpOnly, SameSite=Lax) authorizes every other route for 12 hours, extended while in use. Attempts are limited per address and per account.',
      security: [],
      body: signInBody,
      response: { 200: signInResultDto },
    },
    handler: async (request, reply) => {
      await countSignInAttempt(db, request.body.email, { attemptsPerAccount: o.signInAttemptsPerAccount, windowSeconds: o.signInAttemptWindowSeconds });
      const answer = await forward(auth, o, request, reply, request.body);
      await forgetSignInAttempts(db, request.body.email);
      return reply.send(answer);
    },
  });

  typed.post('/api/auth/sign-out', {
    schema: {
      operationId: 'signOut',
      tags: ['auth'],
      summary: 'Sign out: the session ends and its cookie is cleared',
      body: z.object({}).optional(),
      response: { 200: signOutResultDto },
    },
    handler: async (request, reply) => reply.send(await forward(auth, o, request, reply, {})),
  });

  typed.post('/api/auth/change-password', {
    config: { refuses: ['UNAUTHENTICATED'] },
    schema: {
      operationId: 'changePassword',
      tags: ['auth'],
      summary: "Change one's own password; every other session of the account ends",
      body: changePasswordBody,
      response: { 200: changePasswordResultDto },
    },
    handler: async (request, reply) =>
      reply.send(await forward(auth, o, request, reply, { ...request.body, revokeOtherSessions: true })),
  });

  typed.post('/api/auth/request-password-reset', {
    config: { refuses: ['TOO_MANY_ATTEMPTS'] },
    schema: {
      operationId: 'requestPasswordReset',
      tags: ['auth'],
      summary: 'Email a link to choose a new password (through the outbox); the same answer whether the address has an account or not',
      security: [],
      body: requestPasswordResetBody,
      response: { 200: statusResultDto },
    },
    handler: async (request, reply) => reply.send(await forward(auth, o, request, reply, { ...request.body, redirectTo: '/reset-password' })),
  });

  typed.post('/api/auth/reset-password', {
    schema: {
      operationId: 'resetPassword',
      tags: ['auth'],
      summary: "Set a new password with the emailed link's token; every session of the account ends",
      security: [],
      body: resetPasswordBody,
      response: { 200: statusResultDto },
    },
    handler: async (request, reply) => reply.send(await forward(auth, o, request, reply, request.body)),
  });

  typed.post('/api/auth/update-user', {
    config: { refuses: ['UNAUTHENTICATED'] },
    schema: {
      operationId: 'updateOwnName',
      tags: ['auth'],
      summary: "Change one's own name",
      body: updateUserBody,
      response: { 200: updateUserResultDto },
    },
    handler: async (request, reply) => reply.send(await forward(auth, o, request, reply, request.body)),
  });
}
