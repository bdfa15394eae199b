/**
 * What a person would stumble on in a refusal: its `detail` must name no API field path
 * (`body.finish.amount`) or field name (`targetSessionId`) and no ISO date (dates are written as
 * the organization writes them, in the fields' messages too),
 * and it must have the one problem shape, `fields` included. Null when it reads well.
 */
export function unreadablePart(body: unknown): string | null {
  const problem = body as { detail?: unknown; fields?: unknown } | null;
  if (typeof problem?.detail !== 'string' || !Array.isArray(problem.fields)) return 'not a problem with a detail and fields';
  const apiPath = /\b(body|querystring|params|headers)\.[a-zA-Z]/.exec(problem.detail);
  if (apiPath) return `the API path "${apiPath[0]}…"`;
  const isoDate = /\b\d{4}-\d{2}-\d{2}\b/.exec(problem.detail);
  if (isoDate) return `the ISO date "${isoDate[0]}"`;
  // An API field's own name (targetSessionId, capacityOverride): words a person does not use.
  const fieldName = /\b[a-z]+(?:[A-Z][a-z0-9]+)+\b/.exec(problem.detail);
  if (fieldName) return `the API field name "${fieldName[0]}"`;
  // Each field's message is shown beside its input: no ISO date there either.
  for (const field of problem.fields as { message?: unknown }[]) {
    const isoInMessage = typeof field?.message === 'string' ? /\b\d{4}-\d{2}-\d{2}\b/.exec(field.message) : null;
    if (isoInMessage) return `the ISO date "${isoInMessage[0]}" in a field's message`;
  }
  return null;
}
