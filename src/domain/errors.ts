/**
 * Every error a person can cause has a stable code. The HTTP layer maps codes to
 * statuses in one place (src/server/http/problem.ts); the domain never knows about HTTP.
 */
export type AppErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'CAPACITY_FULL'
  | 'ALREADY_ENROLLED'
  | 'NOT_A_SESSION_DATE'
  | 'NOT_ENROLLED_ON_DATE'
  | 'SUBSCRIPTION_ENDED'
  | 'END_DATE_LATER'
  | 'INVALID_DATE_RANGE'
  | 'DISCOUNT_EXCEEDS_TOTAL'
  | 'SAME_SESSION'
  | 'INVALID_END_DATE'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'UNDO_NOT_POSSIBLE'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CROSS_SITE_REQUEST';

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Extra facts a client can act on, e.g. the full dates or the offending field. */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: AppErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}
