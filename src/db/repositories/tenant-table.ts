import { and, asc, count, eq, getTableName, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { anyOf } from './window.js';
import type { Database } from '../client.js';
import { faultPoint } from '../fault-injection.js';

/** A table whose primary key is (organization_id, id), as every tenant table's is. */
export type TenantTable = PgTable & { organizationId: PgColumn; id: PgColumn };

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface PageRequest {
  limit: number;
  offset: number;
}

/** What a list may be narrowed by: equality on the table's filter columns, and words to search for. */
export type ListCriteria = Record<string, string | undefined> & { search?: string | undefined };

/** A LIKE pattern matching `word` anywhere, its wildcards taken literally. */
export function containing(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Every word must appear in one of the columns, case- and accent-insensitively ("zoe pat"
 * finds Zoë Patel): both sides go through search_text() (migration 0007), which the trigram
 * indexes are built on.
 */
export function matchingWords(columns: readonly (PgColumn | SQL)[], search: string | undefined): SQL[] {
  if (!search?.trim() || columns.length === 0) return [];
  return search
    .trim()
    .split(/\s+/)
    .map((word) => or(...columns.map((column) => sql`search_text(${column}) like search_text(${containing(word)})`))!);
}

/**
 * Create, read, update and page any tenant table, always scoped by organization, so a
 * query can never reach another tenant's rows. Entity repositories build on this.
 */
export function tenantTable<T extends TenantTable>(
  table: T,
  options: {
    orderBy: PgColumn[];
    /** Columns a list can be narrowed to by equality, keyed by the criterion's name (e.g. familyId). */
    filterColumns?: Record<string, PgColumn>;
    /** Columns (or expressions over them) a list's `search` words are looked for in. */
    searchColumns?: (PgColumn | SQL)[];
    /**
     * Instead of searchColumns: the condition a row meets for the `search` words, given the
     * organization (a family found by its guardians' names, phones and emails, through their indexes).
     */
    searchMatch?: (organizationId: string, search: string) => SQL;
    /** The column that names a row for people (a session's or an instructor's name), for namesByIds. */
    nameColumn?: PgColumn;
  },
) {
  type Row = T['$inferSelect'];
  type NewRow = Omit<T['$inferInsert'], 'organizationId' | 'createdAt'>;
  const t = table as TenantTable;
  const scope = (organizationId: string, id: string) => and(eq(t.organizationId, organizationId), eq(t.id, id));
  const name = getTableName(t);
  const { filterColumns = {}, searchColumns = [], searchMatch } = options;
  const matching = (organizationId: string, criteria: ListCriteria): SQL | undefined => {
    const { search, ...filters } = criteria;
    const equal = Object.entries(filters).flatMap(([key, value]) => {
      const column = filterColumns[key];
      return value !== undefined && column ? [eq(column, value)] : [];
    });
    const searched = searchMatch && search?.trim() ? [searchMatch(organizationId, search.trim())] : matchingWords(searchColumns, search);
    return and(...equal, ...searched);
  };

  return {
    async insert(db: Database, organizationId: string, values: NewRow): Promise<Row> {
      faultPoint(`${name}.insert`);
      const [row] = await db
        .insert(t)
        .values({ ...values, organizationId } as never)
        .returning();
      return row as Row;
    },

    async findById(db: Database, organizationId: string, id: string): Promise<Row | undefined> {
      const [row] = await db.select().from(t).where(scope(organizationId, id));
      return row as Row | undefined;
    },

    /** Locks the row until the transaction ends, so concurrent writers queue on it. */
    async findByIdForUpdate(db: Database, organizationId: string, id: string): Promise<Row | undefined> {
      const [row] = await db.select().from(t).where(scope(organizationId, id)).for('update');
      return row as Row | undefined;
    },

    async update(db: Database, organizationId: string, id: string, values: Partial<NewRow>): Promise<Row | undefined> {
      if (Object.keys(values).length === 0) return this.findById(db, organizationId, id);
      faultPoint(`${name}.update`);
      const [row] = await db
        .update(t)
        .set(values as never)
        .where(scope(organizationId, id))
        .returning();
      return row as Row | undefined;
    },

    /** The names of several rows by id, in one query (the table must declare its nameColumn). */
    async namesByIds(db: Database, organizationId: string, ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      if (!options.nameColumn) throw new Error(`${name} declares no nameColumn`);
      const rows = await db
        .select({ id: t.id, name: options.nameColumn })
        .from(t)
        .where(and(eq(t.organizationId, organizationId), anyOf(t.id, ids)));
      return new Map(rows.map((row) => [row.id as string, row.name as string]));
    },

    /** The rows whose `column` is one of `values` (e.g. the payments of several invoices), in order. */
    async listWhereIn(
      db: Database,
      organizationId: string,
      column: PgColumn,
      values: readonly string[],
      orderBy: PgColumn[],
    ): Promise<Row[]> {
      if (values.length === 0) return [];
      const rows = await db
        .select()
        .from(t)
        .where(and(eq(t.organizationId, organizationId), anyOf(column, values)))
        .orderBy(...orderBy.map((c) => asc(c)));
      return rows as Row[];
    },

    /** A page of rows, narrowed by the criteria this table declares (others are ignored). */
    async list(db: Database, organizationId: string, page: PageRequest, criteria: ListCriteria = {}): Promise<Page<Row>> {
      const where = and(eq(t.organizationId, organizationId), matching(organizationId, criteria));
      // Sequential: inside a transaction both would share one connection anyway.
      const items = await db
        .select()
        .from(t)
        .where(where)
        .orderBy(...options.orderBy.map((c) => asc(c)), asc(t.id))
        .limit(page.limit)
        .offset(page.offset);
      const [totals] = await db.select({ total: count() }).from(t).where(where);
      return { items: items as Row[], total: totals?.total ?? 0, ...page };
    },
  };
}
