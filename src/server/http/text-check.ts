import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/errors.js';
import { describeField } from './field-names.js';

/** Where in a parsed body or query a string holds U+0000, e.g. `body.name`; undefined if none does. */
export function fieldWithNul(value: unknown, path: string): string | undefined {
  const pending: [unknown, string][] = [[value, path]];
  // Iterative, so a deeply nested body cannot exhaust the stack.
  while (pending.length > 0) {
    const [current, where] = pending.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return where;
    } else if (Array.isArray(current)) {
      current.forEach((item, i) => pending.push([item, `${where}.${i}`]));
    } else if (current && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        if (key.includes('\u0000')) return where;
        pending.push([item, `${where}.${key}`]);
      }
    }
  }
  return undefined;
}

/**
 * PostgreSQL text cannot hold the NUL character (U+0000): a name or reason containing it would
 * fail in the database as a 500. Every request's body and query are checked before validation,
 * so it is refused as a 400 naming the field, and nothing is written.
 */
export function refuseTextDatabasesCannotStore(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const field = fieldWithNul(request.body, 'body') ?? fieldWithNul(request.query, 'querystring');
    if (field) {
      throw new AppError('VALIDATION_FAILED', `${describeField(field)} must not contain the NUL character (U+0000); remove it and send again.`, {
        fields: [{ field, message: 'contains the NUL character' }],
      });
    }
  });
}
