import { aliasedTable, and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Database } from '../client.js';
import { faultPoint } from '../fault-injection.js';
import { clients, families, guardians, sessions, subscriptions, transferRequests } from '../schema/index.js';
import { tenantTable } from './tenant-table.js';

export type TransferRequestRow = typeof transferRequests.$inferSelect;
type Status = TransferRequestRow['status'];

const fromSession = aliasedTable(sessions, 'from_session');
const toSession = aliasedTable(sessions, 'to_session');

/** A request with the names people read beside it: the child, the family, the guardian who asked, both sessions. */
export interface TransferRequestView {
  request: TransferRequestRow;
  clientId: string;
  childName: string;
  familyName: string;
  guardianName: string;
  fromSessionId: string;
  fromSessionName: string;
  toSessionName: string;
}

function withNames(db: Database, where: SQL | undefined) {
  return db
    .select({
      request: transferRequests,
      clientId: clients.id,
      firstName: clients.firstName,
      lastName: clients.lastName,
      familyName: families.name,
      guardianName: guardians.name,
      fromSessionId: fromSession.id,
      fromSessionName: fromSession.name,
      toSessionName: toSession.name,
    })
    .from(transferRequests)
    .innerJoin(subscriptions, and(eq(subscriptions.organizationId, transferRequests.organizationId), eq(subscriptions.id, transferRequests.subscriptionId)))
    .innerJoin(clients, and(eq(clients.organizationId, subscriptions.organizationId), eq(clients.id, subscriptions.clientId)))
    .innerJoin(families, and(eq(families.organizationId, transferRequests.organizationId), eq(families.id, transferRequests.familyId)))
    .innerJoin(guardians, and(eq(guardians.organizationId, transferRequests.organizationId), eq(guardians.id, transferRequests.guardianId)))
    .innerJoin(fromSession, and(eq(fromSession.organizationId, subscriptions.organizationId), eq(fromSession.id, subscriptions.sessionId)))
    .innerJoin(toSession, and(eq(toSession.organizationId, transferRequests.organizationId), eq(toSession.id, transferRequests.targetSessionId)))
    .where(where);
}

const toView = ({ firstName, lastName, ...row }: Awaited<ReturnType<typeof withNames>>[number]): TransferRequestView => ({
  ...row,
  childName: `${firstName} ${lastName}`,
});

export const transferRequestRepository = {
  ...tenantTable(transferRequests, { orderBy: [transferRequests.createdAt] }),

  /** One request with its names; with familyId, only when it is that family's (a guardian asks for their own). */
  async findView(db: Database, organizationId: string, id: string, o: { familyId?: string } = {}): Promise<TransferRequestView | undefined> {
    const rows = await withNames(
      db,
      and(
        eq(transferRequests.organizationId, organizationId),
        eq(transferRequests.id, id),
        o.familyId ? eq(transferRequests.familyId, o.familyId) : undefined,
      ),
    );
    return rows[0] ? toView(rows[0]) : undefined;
  },

  /** The staff queue: requests in a status, oldest first (the ones waiting longest come first). */
  async listByStatus(db: Database, organizationId: string, status: Status, page: { limit: number; offset: number }) {
    const where = and(eq(transferRequests.organizationId, organizationId), eq(transferRequests.status, status));
    const [rows, [total]] = await Promise.all([
      withNames(db, where).orderBy(asc(transferRequests.createdAt), asc(transferRequests.id)).limit(page.limit).offset(page.offset),
      db.select({ n: count() }).from(transferRequests).where(where),
    ]);
    return { items: rows.map(toView), total: total!.n };
  },

  async countPending(db: Database, organizationId: string): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(transferRequests)
      .where(and(eq(transferRequests.organizationId, organizationId), eq(transferRequests.status, 'pending')));
    return row!.n;
  },

  /** A family's requests, newest first. */
  async listForFamily(db: Database, organizationId: string, familyId: string, limit = 100) {
    const rows = await withNames(db, and(eq(transferRequests.organizationId, organizationId), eq(transferRequests.familyId, familyId)))
      .orderBy(desc(transferRequests.createdAt), desc(transferRequests.id))
      .limit(limit);
    return rows.map(toView);
  },

  /** The request waiting for this enrollment, if any (at most one: a unique index keeps it so). */
  async findPendingFor(db: Database, organizationId: string, subscriptionId: string): Promise<TransferRequestRow | undefined> {
    const [row] = await db
      .select()
      .from(transferRequests)
      .where(
        and(
          eq(transferRequests.organizationId, organizationId),
          eq(transferRequests.subscriptionId, subscriptionId),
          eq(transferRequests.status, 'pending'),
        ),
      );
    return row;
  },

  /**
   * Records the decision on a request still pending; undefined when it was no longer pending
   * (someone decided first), so two decisions never both happen.
   */
  async decide(
    db: Database,
    organizationId: string,
    id: string,
    decision: { status: Exclude<Status, 'pending'>; decidedByUserId: string | null; decisionReason: string | null; transferId: string | null },
  ): Promise<TransferRequestRow | undefined> {
    faultPoint('transfer_requests.update');
    const [row] = await db
      .update(transferRequests)
      .set({ ...decision, decidedAt: new Date() })
      .where(and(eq(transferRequests.organizationId, organizationId), eq(transferRequests.id, id), eq(transferRequests.status, 'pending')))
      .returning();
    return row;
  },
};
