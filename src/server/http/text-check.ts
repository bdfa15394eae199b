import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/errors.js';
import { describeField } from './field-names.js';

/**
 * What PostgreSQL text cannot store: U+0000, and a UTF-16 surrogate without its pair (JSON
 * can escape one, "\ud800"; stored, it silently becomes U+FFFD, so the name read back is not
 * the name sent).
 */
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what is looked for.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Where in a parsed body or query a string holds what text cannot store, e.g. `body.name`; undefined if none does. */
export function fieldWithUnstorableText(value: unknown, path: string): string | undefined {
  const pending: [unknown, string][] = [[value, path]];
  // Iterative, so a deeply nested body cannot exhaust the stack.
  while (pending.length > 0) {
    const [current, where] = pending.pop()!;
    if (typeof current === 'string') {
      if (UNSTORABLE.test(current)) return where;
    } else if (Array.isArray(current)) {
      current.forEach((item, i) => pending.push([item, `${where}.${i}`]));
    } else if (current && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        if (UNSTORABLE.test(key)) return where;
        pending.push([item, `${where}.${key}`]);
      }
    }
  }
  return undefined;
}

/**
 * PostgreSQL text cannot hold the NUL character (U+0000) nor a lone surrogate: a name or reason
 * containing one would fail in the database as a 500, or come back changed. Every request's body and query are checked before validation,
 * so it is refused as a 400 naming the field, and nothing is written.
 */
export function refuseTextDatabasesCannotStore(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const field = fieldWithUnstorableText(request.body, 'body') ?? fieldWithUnstorableText(request.query, 'querystring');
    if (field) {
      throw new AppError(
        'VALIDATION_FAILED',
        `${describeField(field)} contains a character that cannot be stored (the NUL character, or half of a ` +
          'character pair such as an emoji cut in two); remove it and send again.',
        { fields: [{ field, message: 'contains a character that cannot be stored' }] },
      );
    }
  });
}
