import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../client.js';
import { buildFamily, buildGuardian, buildOrganization, buildSession, buildSubscription } from '../seed/builders.js';
import { openTestDatabase } from '../testing/test-database.js';
import { messageRepository, type NewMessage } from './message-repository.js';
import { recipientRepository } from './recipient-repository.js';

let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

const message = (organizationId: string, n: number, extra: Partial<NewMessage> = {}): NewMessage => ({
  organizationId,
  kind: 'billing',
  topic: 'payment_receipt',
  aboutType: 'payment',
  aboutId: `p${n}`,
  familyId: null,
  recipientKind: 'guardian',
  recipientId: `g${n}`,
  recipientName: `Guardian ${n}`,
  recipientEmail: `g${n}@example.test`,
  subject: `Receipt ${n}`,
  textBody: 'text',
  htmlBody: '<p>html</p>',
  messageId: `${crypto.randomUUID()}@example.test`,
  ...extra,
});

describe('messageRepository', () => {
  it('two senders claiming at once take different messages; a claim not finished within its hold is taken again', async () => {
    const org = await buildOrganization(db);
    await messageRepository.insertMany(db, Array.from({ length: 6 }, (_, n) => message(org.id, n)));
    const mine = <T extends { organizationId: string }>(rows: T[]) => rows.filter((r) => r.organizationId === org.id);
    const [a, b] = await Promise.all([
      db.transaction((tx) => messageRepository.claimWaiting(tx, { limit: 3, holdSeconds: 60, organizationIds: [org.id] })),
      db.transaction((tx) => messageRepository.claimWaiting(tx, { limit: 3, holdSeconds: 60, organizationIds: [org.id] })),
    ]);
    const taken = [...mine(a), ...mine(b)].map((m) => m.id);
    expect(new Set(taken).size).toBe(taken.length);
    expect(mine(await messageRepository.claimWaiting(db, { limit: 50, holdSeconds: 60, organizationIds: [org.id] })).length).toBe(6 - taken.length);
    // A sender that crashed: its hold runs out and another takes the message, one attempt more.
    await db.execute(sql`update messages set claimed_until = now() - interval '1 second' where organization_id = ${org.id}`);
    const again = mine(await messageRepository.claimWaiting(db, { limit: 50, holdSeconds: 60, organizationIds: [org.id] }));
    expect(again).toHaveLength(6);
    expect(again.every((m) => m.attempts === 2 && m.status === 'sending')).toBe(true);
  });

  it('writes a message with a once key once; lists newest first, narrowed to a family and status, only in its organization', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const family = await buildFamily(db, org.id);
    await messageRepository.insertMany(db, [message(org.id, 1, { onceKey: 'due_reminder:x', familyId: family.id })]);
    await messageRepository.insertMany(db, [message(org.id, 2, { onceKey: 'due_reminder:x', familyId: family.id })]);
    await messageRepository.insertMany(db, [message(org.id, 3, { status: 'withheld', statusNote: 'turned off' })]);
    expect((await messageRepository.list(db, org.id, { familyId: family.id }, { limit: 10, offset: 0 })).items.map((m) => m.subject)).toEqual(['Receipt 1']);
    expect((await messageRepository.list(db, org.id, { status: 'withheld' }, { limit: 10, offset: 0 })).total).toBe(1);
    expect((await messageRepository.list(db, other.id, {}, { limit: 10, offset: 0 })).total).toBe(0);
  });
});

describe('recipientRepository', () => {
  it("a family's guardians with their choices, and an enrollment's child, session and instructor", async () => {
    const org = await buildOrganization(db);
    const family = await buildFamily(db, org.id);
    await buildGuardian(db, org.id, { familyId: family.id, name: 'Raj', email: 'raj@example.test', mutedMessageKinds: ['billing'] });
    await buildGuardian(db, org.id, { familyId: family.id, name: 'Priya', email: null });
    await buildGuardian(db, org.id, { name: 'Someone else' });
    expect(await recipientRepository.guardiansOfFamily(db, org.id, family.id)).toEqual([
      expect.objectContaining({ kind: 'guardian', name: 'Priya', email: null, mutedKinds: [] }),
      expect.objectContaining({ kind: 'guardian', name: 'Raj', email: 'raj@example.test', mutedKinds: ['billing'] }),
    ]);

    const session = await buildSession(db, org.id, { name: 'Beginners Tue', weekdays: [2], startTime: '16:00:00' });
    const subscription = await buildSubscription(db, org.id, { sessionId: session.id });
    const facts = (await recipientRepository.enrollmentFacts(db, org.id, [subscription.id])).get(subscription.id);
    expect(facts).toMatchObject({ sessionName: 'Beginners Tue', weekdays: [2], startTime: '16:00:00', instructor: { kind: 'instructor' } });
    expect((await recipientRepository.enrollmentFacts(db, (await buildOrganization(db)).id, [subscription.id])).size).toBe(0);
  });
});
