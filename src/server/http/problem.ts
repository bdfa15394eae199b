import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ProblemDto } from '../../contracts/problem.js';
import { AppError, type AppErrorCode, type FieldProblem } from '../../domain/errors.js';
import { describeField } from './field-names.js';

/** The one place where an error code becomes an HTTP status. */
export const statusByCode: Record<AppErrorCode, number> = {
  VALIDATION_FAILED: 400,
  INVALID_DATE_RANGE: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CAPACITY_FULL: 409,
  ALREADY_ENROLLED: 409,
  NOT_A_SESSION_DATE: 422,
  NOT_ENROLLED_ON_DATE: 422,
  SUBSCRIPTION_ENDED: 409,
  END_DATE_LATER: 422,
  DISCOUNT_EXCEEDS_TOTAL: 422,
  SAME_SESSION: 422,
  INVALID_END_DATE: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  UNDO_NOT_POSSIBLE: 409,
  ENDED_BY_TRANSFER: 409,
  ATTENDANCE_RECORDED: 409,
  DATE_IN_FUTURE: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CROSS_SITE_REQUEST: 403,
  TOO_MANY_ATTEMPTS: 429,
  DEMO_LOADING: 503,
  REQUEST_NOT_POSSIBLE: 409,
  REQUEST_DECIDED: 409,
  ENROLLMENT_CHANGED: 409,
};

export const problemContentType = 'application/problem+json; charset=utf-8';

export function problemFor(error: AppError): ProblemDto {
  const status = statusByCode[error.code];
  return {
    ...error.facts,
    type: `about:blank#${error.code}`,
    title: error.code.toLowerCase().replaceAll('_', ' '),
    status,
    code: error.code,
    detail: error.message,
    fields: error.fields,
  };
}

/**
 * Constraint violations the services did not anticipate still say what to change, without
 * quoting the database (its detail can name another organization's values).
 */
function fromDatabase(error: unknown): AppError | undefined {
  const cause = (error as { cause?: { code?: string } }).cause;
  switch (cause?.code) {
    case '23503':
      return new AppError('VALIDATION_FAILED', 'Something this refers to does not exist (any more); reload and try again.');
    case '23505':
      return new AppError('CONFLICT', 'This already exists; change what must be unique and try again.');
    case '23514':
      return new AppError('VALIDATION_FAILED', 'A value is not allowed here; check the form and try again.');
    default:
      return undefined;
  }
}

function fromFramework(error: FastifyError): AppError | undefined {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = error.validationContext ?? 'body';
    const fields: FieldProblem[] = [];
    for (const issue of error.validation) {
      const where = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
      const field = where ? `${part}.${where}` : part;
      // One message per field: the first rule it breaks (a date that is not a date breaks its range rule too).
      if (!fields.some((f) => f.field === field)) fields.push({ field, message: issue.message ?? 'is not valid' });
    }
    const detail = fields.map((f) => `${describeField(f.field)} ${f.message}.`).join(' ');
    return new AppError('VALIDATION_FAILED', `Please correct: ${detail}`, { fields });
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new AppError('VALIDATION_FAILED', 'Send the request body as JSON (Content-Type: application/json).');
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('VALIDATION_FAILED', `The request could not be read: ${error.message}`);
  }
  return undefined;
}

export function sendProblem(reply: FastifyReply, error: AppError) {
  const problem = problemFor(error);
  return reply.status(problem.status).type(problemContentType).send(problem);
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const known = error instanceof AppError ? error : (fromFramework(error) ?? fromDatabase(error));
  if (known) return sendProblem(reply, known);
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).type(problemContentType).send({
    type: 'about:blank#INTERNAL',
    title: 'internal error',
    status: 500,
    code: 'INTERNAL',
    detail: 'Something went wrong on our side; nothing was changed. Please try again.',
    fields: [],
  });
}

/**
 * Errors Fastify's router meets before a route runs (an address with broken %-encoding, an id
 * longer than any id): the same problem+json as every other refusal.
 */
export function frameworkErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const detail =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'The address has a part too long to be an id; use the id (a UUID) the API gave you.'
      : 'The address is not valid (a broken %-encoding); encode it with encodeURIComponent.';
  return sendProblem(reply, new AppError('VALIDATION_FAILED', detail));
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (headers or address over 16 KB,
 * a malformed request line, a timeout): answered as problem+json too, then the connection closes.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, title, detail] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'request header fields too large', 'The address or headers are too large (over 16 KB); send long data in the request body.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request timeout', 'The request took too long to arrive; please send it again.']
        : [400, 'bad request', 'The request could not be read as HTTP; check how it is sent.'];
  const problem: ProblemDto = { type: 'about:blank#VALIDATION_FAILED', title, status, code: 'VALIDATION_FAILED', detail, fields: [] };
  const body = JSON.stringify(problem);
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\nContent-Type: ${problemContentType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
