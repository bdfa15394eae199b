import type { ProblemDto, ProblemFieldDto } from '../../contracts/problem';

/**
 * One field a request got wrong: its path in the request, part first ("body.capacity",
 * "body.discounts.0.amount", "querystring.date"), and what is wrong with it.
 */
export type ProblemField = ProblemFieldDto;

/** An application/problem+json answer from the API, thrown so callers can show `detail`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly fields: ProblemField[];

  constructor(o: { status: number; code: string; detail: string; fields?: ProblemField[] }) {
    super(o.detail);
    this.name = 'ApiError';
    this.status = o.status;
    this.code = o.code;
    this.detail = o.detail;
    this.fields = o.fields ?? [];
  }
}

/** Sent with every request. */
const baseHeaders: Record<string, string> = {
  accept: 'application/json, application/problem+json',
};

export type Query = Record<string, string | number | null | undefined>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

function urlOf(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function problemOf(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    // { type, title, status, code, detail, fields? } (a non-API answer may carry only a message).
    // better-auth's own refusals (sign-in) are { code, message }, not problem+json.
    const problem = JSON.parse(text) as Partial<ProblemDto> & { message?: string };
    const detail = problem.detail ?? problem.message ?? `The server answered ${response.status} ${response.statusText}.`;
    return new ApiError({ status: response.status, code: problem.code ?? `HTTP_${response.status}`, detail, fields: problem.fields });
  } catch {
    return new ApiError({
      status: response.status,
      code: `HTTP_${response.status}`,
      detail: `The server answered ${response.status} ${response.statusText}. Please try again.`,
    });
  }
}

/** Every call to the API goes through here: same-origin cookie, JSON both ways, problems thrown as ApiError. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { ...baseHeaders, ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  return readAnswer<T>(
    fetch(urlOf(path, options.query), {
      method,
      credentials: 'same-origin',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    }),
  );
}

/** The body of an API answer (a fetch of `request`, or one index.html started early), problems thrown as ApiError. */
export async function readAnswer<T>(pending: Promise<Response>): Promise<T> {
  let response: Response;
  try {
    response = await pending;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({
      status: 0,
      code: 'NETWORK',
      detail: 'The server could not be reached. Check your connection and try again; nothing was changed.',
    });
  }
  if (!response.ok) throw await problemOf(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const http = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('POST', path, { body: body ?? {}, headers }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
