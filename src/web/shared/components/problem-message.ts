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
