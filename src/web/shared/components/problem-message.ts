import { ApiError } from '../../api/http';

/** What to tell a person about a failed request: the API's own words when it gave them. */
export function problemMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  return 'Something went wrong in the app. Reload the page and try again.';
}

/** A refusal (4xx) answers the same when asked again; a network failure or a 5xx may not. */
export function worthRetrying(error: unknown): boolean {
  return !(error instanceof ApiError && error.status >= 400 && error.status < 500);
}

/**
 * Field messages keyed by the form's field name: the API names fields like "body.capacity"
 * or "body.discounts.0.amount"; a form shows them next to "capacity" or "discounts.0.amount".
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const errors: Record<string, string> = {};
  for (const { field, message } of error.fields) {
    const name = field.replace(/^(body|querystring|params)\.?/, '');
    errors[name] ??= message;
  }
  return errors;
}
