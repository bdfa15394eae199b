import { ApiError } from '../../api/http';

/**
 * The API's message for each request field it refused, by the field's path in the request,
 * part first: { 'body.capacity': 'at least 12', 'body.discounts.0.amount': 'must be more than zero' }.
 */
export type FieldErrors = Readonly<Record<string, string>>;

/** The field messages of a refused request (the first message when a field has several); none for other errors. */
export function fieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const errors: Record<string, string> = {};
  for (const { field, message } of error.fields) errors[field] ??= message;
  return errors;
}

/** Whether `field` is the field at `path` or a part of it: "body.weekdays.0" is in "body.weekdays". */
function isIn(field: string, path: string): boolean {
  return field === path || field.startsWith(`${path}.`);
}

/** The message to show beside the field at `path`: its own, or else the first about a part of it. */
export function fieldError(errors: FieldErrors, path: string): string | undefined {
  return errors[path] ?? Object.entries(errors).find(([field]) => isIn(field, path))?.[1];
}

/**
 * The messages of the fields inside `path`, by their name there, for a form whose inputs are
 * those fields: fieldErrorsIn(errors, 'body') → { capacity: …, weekdays: … }, where a message
 * about a part of a field (body.weekdays.0) is that field's.
 */
export function fieldErrorsIn(errors: FieldErrors, path: string): Record<string, string> {
  const inside: Record<string, string> = {};
  for (const field of Object.keys(errors)) {
    if (!field.startsWith(`${path}.`)) continue;
    const name = field.slice(path.length + 1).split('.')[0]!;
    inside[name] ??= fieldError(errors, `${path}.${name}`)!;
  }
  return inside;
}

/** Whether every message of the API has a place on a form that shows messages beside the fields at `shown`. */
export function allFieldsShown(errors: FieldErrors, shown: readonly string[]): boolean {
  const fields = Object.keys(errors);
  return fields.length > 0 && fields.every((field) => shown.some((path) => isIn(field, path)));
}
