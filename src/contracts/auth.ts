import { z } from 'zod';

/**
 * better-auth's sign-in and sign-out, as this API uses them. better-auth validates and answers
 * these itself; the schemas only describe them (in the OpenAPI document and for clients).
 */
export const signInBody = z.object({
  email: z.email(),
  password: z.string(),
});
export type SignInInput = z.infer<typeof signInBody>;

// Loose: better-auth's answers may gain fields; these are the ones a client can count on.
export const signInResultDto = z.looseObject({
  redirect: z.boolean(),
  token: z.string().describe('The session token; the signed better-auth.session_token cookie carries it'),
  url: z.string().optional(),
  user: z.looseObject({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    emailVerified: z.boolean(),
    image: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
});
export type SignInResultDto = z.infer<typeof signInResultDto>;

export const signOutResultDto = z.looseObject({ success: z.boolean() });
export type SignOutResultDto = z.infer<typeof signOutResultDto>;

/** How better-auth refuses (not problem+json): e.g. 401 INVALID_EMAIL_OR_PASSWORD, 429 with only a message. */
export const authErrorDto = z.looseObject({
  message: z.string(),
  code: z.string().optional(),
});
export type AuthErrorDto = z.infer<typeof authErrorDto>;
