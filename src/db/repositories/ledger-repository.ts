import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { faultPoint } from '../fault-injection.js';
import { ledgerEntries } from '../schema/index.js';

export type LedgerEntryRow = typeof ledgerEntries.$inferSelect;
export type NewLedgerEntry = Omit<typeof ledgerEntries.$inferInsert, 'organizationId' | 'id' | 'createdAt'>;

export const ledgerRepository = {
  /** Appends entries, in the transaction of the change they record; entries are never edited. */
  async append(db: Database, organizationId: string, entries: readonly NewLedgerEntry[]) {
    if (entries.length === 0) return;
    faultPoint('ledger_entries.insert');
    await db.insert(ledgerEntries).values(entries.map((entry) => ({ ...entry, organizationId })));
  },

  /** The family's balance: the sum of its ledger. */
  async balanceOfFamily(db: Database, organizationId: string, familyId: string, before?: string): Promise<number> {
    const [row] = await db
      .select({ balance: sql<string>`coalesce(sum(${ledgerEntries.amount}), 0)` })
      .from(ledgerEntries)
      .where(
        and(
          eq(ledgerEntries.organizationId, organizationId),
          eq(ledgerEntries.familyId, familyId),
          before ? lt(ledgerEntries.occurredOn, before) : undefined,
        ),
      );
    return Number(row?.balance ?? 0);
  },

  /** The family's entries on dates in [from, to), in the order they happened. */
  async listForFamily(db: Database, organizationId: string, familyId: string, range: { from: string; to: string }) {
    return db
      .select()
      .from(ledgerEntries)
      .where(
        and(
          eq(ledgerEntries.organizationId, organizationId),
          eq(ledgerEntries.familyId, familyId),
          gte(ledgerEntries.occurredOn, range.from),
          lt(ledgerEntries.occurredOn, range.to),
        ),
      )
      .orderBy(asc(ledgerEntries.occurredOn), asc(ledgerEntries.sequence));
  },
};
