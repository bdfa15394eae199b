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
