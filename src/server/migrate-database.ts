import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/client.js';

/** Any fixed number: the key of the PostgreSQL advisory lock that migrating servers queue on. */
const MIGRATION_LOCK = 7_200_316;

/**
 * Applies the migrations. Several API servers may start at once on a new PostgreSQL database
 * (behind a load balancer): they take turns under an advisory lock, so one migrates and the
 * others find the work done, instead of racing to create the same types and tables. The lock
 * is held by a transaction on one pooled connection while the migrator uses another.
 */
export async function migrateDatabase(database: DatabaseHandle): Promise<void> {
  if (database.engine !== 'postgres') return database.migrate();
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await database.migrate();
  });
}
