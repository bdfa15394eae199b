import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../client.js';
import { auditEvents } from '../schema/index.js';
import { buildClient, buildOrganization } from '../seed/builders.js';
import { openTestDatabase } from '../testing/test-database.js';
import { auditRepository, type AuditEntry } from './audit-repository.js';

let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

const actor = { userId: 'user-1', role: 'front_desk' };

/** Records an event and dates it (record() takes the clock's time), returning its row. */
async function recordAt(entry: AuditEntry, createdAt: string) {
  await auditRepository.record(db, entry);
  const [row] = await db
    .update(auditEvents)
    .set({ createdAt: new Date(createdAt) })
    .where(
      and(
        eq(auditEvents.organizationId, entry.organizationId),
        eq(auditEvents.entityId, entry.entityId),
        eq(auditEvents.action, entry.action),
      ),
    )
    .returning();
  return row!;
}

describe('auditRepository', () => {
  it('records an entry, with null client, before and after when not given', async () => {
    const org = await buildOrganization(db);
    const entityId = randomUUID();
    await auditRepository.record(db, { organizationId: org.id, actor: { userId: null, role: null }, action: 'session.create', entityType: 'session', entityId });

    expect(await auditRepository.listForEntity(db, org.id, 'session', entityId)).toEqual([
      expect.objectContaining({
        organizationId: org.id,
        actorUserId: null,
        actorRole: null,
        action: 'session.create',
        entityType: 'session',
        entityId,
        clientId: null,
        before: null,
        after: null,
      }),
    ]);
  });

  describe('listForClient', () => {
    it('returns the client’s events newest first, at most `limit` of them', async () => {
      const org = await buildOrganization(db);
      const client = await buildClient(db, org.id);
      const otherClient = await buildClient(db, org.id);
      const event = (action: string, clientId = client.id): AuditEntry => ({
        organizationId: org.id,
        actor,
        action,
        entityType: 'subscription',
        entityId: randomUUID(),
        clientId,
        before: { endsOn: null },
        after: { endsOn: '2027-02-01' },
      });
      const middle = await recordAt(event('middle'), '2027-01-02T10:00:00Z');
      const newest = await recordAt(event('newest'), '2027-01-03T10:00:00Z');
      const oldest = await recordAt(event('oldest'), '2027-01-01T10:00:00Z');
      await recordAt(event('someone else', otherClient.id), '2027-01-04T10:00:00Z');

      expect(await auditRepository.listForClient(db, org.id, client.id)).toEqual([newest, middle, oldest]);
      expect(await auditRepository.listForClient(db, org.id, client.id, 2)).toEqual([newest, middle]);
      expect(newest).toMatchObject({ actorUserId: 'user-1', actorRole: 'front_desk', before: { endsOn: null }, after: { endsOn: '2027-02-01' } });
    });

    it('breaks a tie of the same time by id, descending', async () => {
      const org = await buildOrganization(db);
      const client = await buildClient(db, org.id);
      const event = (action: string): AuditEntry => ({ organizationId: org.id, actor, action, entityType: 'client', entityId: randomUUID(), clientId: client.id });
      const same = '2027-01-01T10:00:00Z';
      const rows = [await recordAt(event('a'), same), await recordAt(event('b'), same), await recordAt(event('c'), same)];

      expect(await auditRepository.listForClient(db, org.id, client.id)).toEqual(rows.sort((x, y) => y.id.localeCompare(x.id)));
    });

    it('never returns another organization’s events', async () => {
      const org = await buildOrganization(db);
      const other = await buildOrganization(db);
      const client = await buildClient(db, org.id);
      await auditRepository.record(db, { organizationId: org.id, actor, action: 'client.update', entityType: 'client', entityId: client.id, clientId: client.id });

      expect(await auditRepository.listForClient(db, other.id, client.id)).toEqual([]);
    });
  });

  describe('listForEntity', () => {
    it('returns the entity’s events newest first, only of that type and organization', async () => {
      const org = await buildOrganization(db);
      const other = await buildOrganization(db);
      const entityId = randomUUID();
      const event = (action: string, entityType = 'transfer'): AuditEntry => ({ organizationId: org.id, actor, action, entityType, entityId });
      const created = await recordAt(event('transfer.create'), '2027-01-01T10:00:00Z');
      const undone = await recordAt(event('transfer.undo'), '2027-01-03T10:00:00Z');
      const redone = await recordAt(event('transfer.redo'), '2027-01-02T10:00:00Z');
      await recordAt(event('invoice.void', 'invoice'), '2027-01-04T10:00:00Z');
      await auditRepository.record(db, { ...event('transfer.create'), entityId: randomUUID() });

      expect(await auditRepository.listForEntity(db, org.id, 'transfer', entityId)).toEqual([undone, redone, created]);
      expect(await auditRepository.listForEntity(db, other.id, 'transfer', entityId)).toEqual([]);
    });
  });
});
