import { createHash } from 'node:crypto';
import type { Database } from '../../db/client.js';
import { idempotencyRepository } from '../../db/repositories/idempotency-repository.js';
import { AppError } from '../../domain/errors.js';

/** JSON with sorted keys, so the same request always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      // By code unit, as JSON keys are compared: the same order whatever the process's locale.
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface IdempotentResult<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/**
 * Runs `action` at most once per key, inside the caller's transaction: the first request
 * stores its result with the key; a replay of the same request by the same staff member
 * gets that result back; the same key with a different request, or from someone else, is
 * refused (one staff member never receives another's result). A failed action rolls its
 * key back with everything else, so a retry runs it again.
 */
export async function idempotent<T>(
  tx: Database,
  o: { organizationId: string; actorUserId: string; key: string; operation: string; request: unknown; status: number },
  action: () => Promise<T>,
): Promise<IdempotentResult<T>> {
  const requestHash = createHash('sha256')
    .update(`${o.operation}\n${o.actorUserId}\n${canonical(o.request)}`)
    .digest('hex');
  if (!(await idempotencyRepository.claim(tx, o.organizationId, o.key, requestHash))) {
    const stored = (await idempotencyRepository.find(tx, o.organizationId, o.key))!;
    if (stored.requestHash !== requestHash) {
      throw new AppError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used for a different request, or by another staff member; send a new key for a new request.',
      );
    }
    return { status: stored.responseStatus, body: stored.responseBody as T, replayed: true };
  }
  const body = await action();
  await idempotencyRepository.complete(tx, o.organizationId, o.key, { status: o.status, body });
  return { status: o.status, body, replayed: false };
}
