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
  | 'ENDED_BY_TRANSFER'
  | 'ATTENDANCE_RECORDED'
  | 'DATE_IN_FUTURE'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CROSS_SITE_REQUEST'
  | 'TOO_MANY_ATTEMPTS'
  | 'DEMO_LOADING'
  /** A guardian asked to move an enrollment that cannot be moved from the portal. */
  | 'REQUEST_NOT_POSSIBLE'
  /** A transfer request was already approved, declined, withdrawn or refused. */
  | 'REQUEST_DECIDED'
  /** The request's enrollment changed since the guardian asked (transferred, ended, undone): approving is refused. */
  | 'ENROLLMENT_CHANGED';

/**
 * One field of a request that a refusal is about, for forms and programs: `field` is its path
 * with the request part first (`body.firstSessionDate`, `body.finish.amount`, `querystring.date`),
 * `message` says what is wrong with it in a few words ("not a session date of Intermediate Thu").
 */
export interface FieldProblem {
  field: string;
  message: string;
}

/** What a refusal carries besides its sentence: the fields it is about, and facts a client can act on. */
export interface AppErrorDetails {
  fields?: FieldProblem[];
  [fact: string]: unknown;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** The fields the refusal is about (empty when it is about the request as a whole). */
  readonly fields: FieldProblem[];
  /** Extra facts a client can act on, e.g. a suggested date or the full dates. */
  readonly facts: Record<string, unknown>;

  /** `detail` is written for a person: no API field names, dates as the organization writes them. */
  constructor(code: AppErrorCode, detail: string, details: AppErrorDetails = {}) {
    super(detail);
    this.name = 'AppError';
    this.code = code;
    const { fields = [], ...facts } = details;
    this.fields = fields;
    this.facts = facts;
  }
}

/** A refusal about one field: `field` is its request path, `message` the short form for beside the field. */
export function fieldError(code: AppErrorCode, detail: string, field: string, message: string, facts: Record<string, unknown> = {}) {
  return new AppError(code, detail, { ...facts, fields: [{ field, message }] });
}
