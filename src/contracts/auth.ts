import { z } from 'zod';
import { nameSchema } from './fields.js';
import { passwordSchema } from './setup.js';

/**
 * better-auth's endpoints this API lets through (routes/auth/auth-routes.ts), each validated
 * here before better-auth sees it: only these fields reach it, of a size it can handle.
 */
export const signInBody = z.object({
  email: z.string({ message: 'must be an email address' }).max(254, 'must be at most 254 characters'),
  // Longer than any password the policy accepts, so a typo in a long one is still only "wrong".
  password: z.string({ message: 'must be text' }).max(1_000, 'must be at most 1000 characters'),
  rememberMe: z.boolean().optional(),
});
export type SignInInput = z.infer<typeof signInBody>;

export const changePasswordBody = z.object({
  currentPassword: z.string({ message: 'must be text' }).max(1_000, 'must be at most 1000 characters'),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordBody>;

/** Only the name: the rest of better-auth's user (email, image) is not the staff member's to change here. */
export const updateUserBody = z.object({ name: nameSchema });

/** "Forgot password?": the reset link goes by email; the answer is the same whether the address has an account or not. */
export const requestPasswordResetBody = z.object({
  email: z.email({ message: 'must be an email address' }).max(254),
  redirectTo: z.literal('/reset-password').optional(),
});
/** The emailed link's token and the new password. */
export const resetPasswordBody = z.object({
  token: z.string().min(1).max(200),
  newPassword: passwordSchema,
});
export const statusResultDto = z.looseObject({ status: z.boolean() });
export type UpdateUserInput = z.infer<typeof updateUserBody>;

const userDto = z.looseObject({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  image: z.string().nullable().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

// Loose: better-auth's answers may gain fields; these are the ones a client can count on.
export const signInResultDto = z.looseObject({
  redirect: z.boolean(),
  token: z.string().describe('The session token; the signed better-auth.session_token cookie carries it'),
  url: z.string().optional(),
  user: userDto,
});
export type SignInResultDto = z.infer<typeof signInResultDto>;

export const signOutResultDto = z.looseObject({ success: z.boolean() });
export type SignOutResultDto = z.infer<typeof signOutResultDto>;

export const changePasswordResultDto = z.looseObject({
  token: z.string().nullable().describe('The new session token: every other session of the account has ended'),
  user: userDto,
});
export const updateUserResultDto = z.looseObject({ status: z.boolean() });
