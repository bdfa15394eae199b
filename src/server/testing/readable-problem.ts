/**
 * What a person would stumble on in a refusal: its `detail` must name no API field path
 * (`body.finish.amount`) and no ISO date (dates are written as the organization writes them),
 * and it must have the one problem shape, `fields` included. Null when it reads well.
 */
export function unreadablePart(body: unknown): string | null {
  const problem = body as { detail?: unknown; fields?: unknown } | null;
  if (typeof problem?.detail !== 'string' || !Array.isArray(problem.fields)) return 'not a problem with a detail and fields';
  const apiPath = /\b(body|querystring|params|headers)\.[a-zA-Z]/.exec(problem.detail);
  if (apiPath) return `the API path "${apiPath[0]}…"`;
  const isoDate = /\b\d{4}-\d{2}-\d{2}\b/.exec(problem.detail);
  if (isoDate) return `the ISO date "${isoDate[0]}"`;
  return null;
}
