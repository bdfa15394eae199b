import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * `end > date` for an exclusive end date where null means open-ended, written as the
 * expression the window indexes are built on (coalesce(end, 'infinity')), so a query for
 * a window reaches only what still runs in it, not the years of history that ended before.
 */
export function endsAfter(end: PgColumn, date: string): SQL {
  return sql`coalesce(${end}, 'infinity'::date) > ${date}`;
}

/**
 * `column = any($1::type[])`: one array parameter however many values, where drizzle's
 * inArray binds one parameter each (a week's schedule asks about 300 sessions at once,
 * and each parameter costs building, sending and planning).
 */
export function anyOf(column: PgColumn, values: readonly string[]): SQL {
  return sql`${column} = any(${sql.param([...new Set(values)])}::${sql.raw(column.getSQLType())}[])`;
}
