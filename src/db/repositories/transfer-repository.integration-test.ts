import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../client.js';
import { transfers } from '../schema/index.js';
import { buildClient, buildOrganization, buildSession, buildSubscription } from '../seed/builders.js';
import { openTestDatabase } from '../testing/test-database.js';
import { transferRepository, type TransferRow } from './transfer-repository.js';

let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

/** A transfer between two subscriptions of the client, dated `createdAt` (insert takes the clock's time). */
async function buildTransfer(organizationId: string, o: { clientId: string; fromSubscriptionId: string; toSubscriptionId: string }, createdAt: string) {
  const transfer = await transferRepository.insert(db, organizationId, {
    ...o,
    transferDate: '2027-02-01',
    oldEndsOn: '2027-02-01',
    firstSessionDate: '2027-02-04',
    previousEndsOn: null,
    reason: 'Schedule change',
    actorUserId: 'user-1',
    checkout: 'pay_later',
  });
  const [dated] = await db
    .update(transfers)
    .set({ createdAt: new Date(createdAt) })
    .where(and(eq(transfers.organizationId, organizationId), eq(transfers.id, transfer.id)))
    .returning();
  return dated!;
}

/** A client with a subscription in each of two sessions. */
async function buildMove(organizationId: string) {
  const client = await buildClient(db, organizationId);
  const from = await buildSubscription(db, organizationId, { clientId: client.id });
  const to = await buildSubscription(db, organizationId, { clientId: client.id, sessionId: (await buildSession(db, organizationId)).id });
  return { clientId: client.id, fromSubscriptionId: from.id, toSubscriptionId: to.id };
}

describe('transferRepository', () => {
  it('inserts a transfer with its defaults, found only in its organization', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const move = await buildMove(org.id);
    const transfer = await buildTransfer(org.id, move, '2027-02-01T10:00:00Z');

    expect(transfer).toMatchObject({ ...move, status: 'completed', voidedInvoiceIds: [], invoiceId: null, undoneAt: null, checkout: 'pay_later' });
    expect(await transferRepository.findById(db, org.id, transfer.id)).toEqual(transfer);
    expect(await transferRepository.findById(db, other.id, transfer.id)).toBeUndefined();
  });

  describe('listForClient', () => {
    it('returns the client’s transfers newest first, and none of another organization', async () => {
      const org = await buildOrganization(db);
      const other = await buildOrganization(db);
      const move = await buildMove(org.id);
      const otherClient = await buildMove(org.id);
      // Moved back and forth: one transfer out of each enrollment stands, the earlier ones were undone.
      const back = { ...move, fromSubscriptionId: move.toSubscriptionId, toSubscriptionId: move.fromSubscriptionId };
      const undone = async (transfer: TransferRow) => (await transferRepository.update(db, org.id, transfer.id, { status: 'undone' }))!;
      const middle = await undone(await buildTransfer(org.id, move, '2027-02-01T10:00:00Z'));
      const newest = await buildTransfer(org.id, back, '2027-03-01T10:00:00Z');
      const oldest = await buildTransfer(org.id, move, '2027-01-01T10:00:00Z');
      await buildTransfer(org.id, otherClient, '2027-04-01T10:00:00Z');

      expect(await transferRepository.listForClient(db, org.id, move.clientId)).toEqual([newest, middle, oldest]);
      expect(await transferRepository.listForClient(db, other.id, move.clientId)).toEqual([]);
    });
  });

  describe('listFromSubscription', () => {
    it('returns the transfers out of the subscription newest first, not those into it', async () => {
      const org = await buildOrganization(db);
      const other = await buildOrganization(db);
      const move = await buildMove(org.id);
      // The older one was undone: only one transfer out of an enrollment stands at a time.
      const older = (await transferRepository.update(db, org.id, (await buildTransfer(org.id, move, '2027-01-01T10:00:00Z')).id, { status: 'undone' }))!;
      const newer = await buildTransfer(org.id, move, '2027-02-01T10:00:00Z');
      const back = { ...move, fromSubscriptionId: move.toSubscriptionId, toSubscriptionId: move.fromSubscriptionId };
      await buildTransfer(org.id, back, '2027-03-01T10:00:00Z');

      expect(await transferRepository.listFromSubscription(db, org.id, move.fromSubscriptionId)).toEqual([newer, older]);
      expect(await transferRepository.listFromSubscription(db, other.id, move.fromSubscriptionId)).toEqual([]);
    });
  });

  describe('findCompletedFrom', () => {
    it('returns the standing transfer out of the subscription, not an undone one nor one into it', async () => {
      const org = await buildOrganization(db);
      const other = await buildOrganization(db);
      const move = await buildMove(org.id);
      const undone = await buildTransfer(org.id, move, '2027-01-01T10:00:00Z');
      await transferRepository.update(db, org.id, undone.id, { status: 'undone' });
      expect(await transferRepository.findCompletedFrom(db, org.id, move.fromSubscriptionId)).toBeUndefined();
      const standing = await buildTransfer(org.id, move, '2027-02-01T10:00:00Z');
      expect(await transferRepository.findCompletedFrom(db, org.id, move.fromSubscriptionId)).toEqual(standing);
      expect(await transferRepository.findCompletedFrom(db, org.id, move.toSubscriptionId)).toBeUndefined();
      expect(await transferRepository.findCompletedFrom(db, other.id, move.fromSubscriptionId)).toBeUndefined();
    });

    it('a second standing transfer out of the same enrollment is refused by the database', async () => {
      const org = await buildOrganization(db);
      const move = await buildMove(org.id);
      await buildTransfer(org.id, move, '2027-01-01T10:00:00Z');
      await expect(buildTransfer(org.id, move, '2027-02-01T10:00:00Z')).rejects.toMatchObject({
        cause: expect.objectContaining({ code: '23505' }),
      });
    });
  });
});
