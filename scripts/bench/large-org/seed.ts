import pg from 'pg';
import { Temporal } from 'temporal-polyfill';
import { openDatabase } from '../../../src/db/client.js';
import { organizationRepository } from '../../../src/db/repositories/organization-repository.js';
import { staffRepository } from '../../../src/db/repositories/staff-repository.js';
import { deterministicId } from '../../../src/db/seed/deterministic.js';
import type { Role } from '../../../src/domain/access/permissions.js';
import { planLargeOrganization, type LargeOrganizationPlan } from './plan.js';
import { writeLedger, writeTables } from './write.js';

export const LARGE_PASSWORD = 'bench-password-2026';
export const LARGE_TIME_ZONE = 'America/New_York';

export interface SeededOrganization {
  id: string;
  name: string;
  historyYears: number;
  logins: Record<'owner' | 'manager' | 'front_desk', string>;
  stats: LargeOrganizationPlan['stats'] | null;
}

/**
 * The large organizations of one scale: the one with ten years of history (the largest),
 * and a control with the same present (sessions, times, capacities, about as many active
 * clients) but one year of history, so a benchmark can tell whether a cost follows the
 * window it shows or the history behind it. Idempotent: an organization already there
 * is left as it is.
 */
export function largeOrganizations(scale: number) {
  return [10, 1].map((historyYears) => {
    const key = `large:${scale}:${historyYears}y`;
    const slug = `large-s${scale}-${historyYears}y`;
    return {
      key,
      id: deterministicId(key),
      name: `Large Swim School ×${scale} (${historyYears} year${historyYears === 1 ? '' : 's'} of history)`,
      historyYears,
      logins: {
        owner: `owner@${slug}.example.com`,
        manager: `manager@${slug}.example.com`,
        front_desk: `frontdesk@${slug}.example.com`,
      },
    };
  });
}

export async function seedLarge(o: {
  databaseUrl: string;
  scale: number;
  today?: Temporal.PlainDate;
  log?: (line: string) => void;
  /** Only the organizations with these years of history (default both: 10 and 1). */
  historyYears?: readonly number[];
}): Promise<SeededOrganization[]> {
  const log = o.log ?? (() => {});
  const today = o.today ?? Temporal.Now.plainDateISO(LARGE_TIME_ZONE);
  const database = await openDatabase({ databaseUrl: o.databaseUrl, poolSize: 2 });
  const pool = new pg.Pool({ connectionString: o.databaseUrl, max: 2 });
  pool.on('error', () => {});
  const seeded: SeededOrganization[] = [];
  try {
    await database.migrate();
    for (const spec of largeOrganizations(o.scale).filter((spec) => !o.historyYears || o.historyYears.includes(spec.historyYears))) {
      if (await organizationRepository.findById(database.db, spec.id)) {
        log(`${spec.name}: already there, left as it is`);
        seeded.push({ id: spec.id, name: spec.name, historyYears: spec.historyYears, logins: spec.logins, stats: null });
        continue;
      }
      let started = performance.now();
      const plan = planLargeOrganization({
        key: spec.key,
        organizationId: spec.id,
        name: spec.name,
        scale: o.scale,
        historyYears: spec.historyYears,
        today,
        now: new Date(),
        timeZone: LARGE_TIME_ZONE,
      });
      const rows = [...plan.tables.rows.values()].reduce((sum, r) => sum + r.length, 0);
      log(`${spec.name}: planned ${rows.toLocaleString('en-US')} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      started = performance.now();
      await database.db.transaction(async (tx) => {
        await organizationRepository.insert(tx, plan.organization);
        for (const [role, email] of Object.entries(spec.logins) as [Role, string][]) {
          await staffRepository.create(tx, { organizationId: spec.id, name: `Bench ${role}`, email, password: LARGE_PASSWORD, role });
        }
      });
      const logTable = (table: string, count: number, ms: number) =>
        log(`  ${table.padEnd(24)} ${count.toLocaleString('en-US').padStart(10)} rows ${(ms / 1000).toFixed(1).padStart(6)} s`);
      await writeTables(pool, plan.tables, logTable);
      // Written around the services, so the family ledger follows from the rows (each balance is its ledger's sum).
      await writeLedger(pool, spec.id, logTable);
      log(`${spec.name}: written in ${((performance.now() - started) / 1000).toFixed(1)} s — ${JSON.stringify(plan.stats)}`);
      seeded.push({ id: spec.id, name: spec.name, historyYears: spec.historyYears, logins: spec.logins, stats: plan.stats });
    }
    // As autovacuum would leave a long-lived database: statistics for the planner, and a
    // visibility map so index-only scans need no heap visits.
    const started = performance.now();
    await pool.query('vacuum (analyze)');
    log(`vacuum (analyze): ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await pool.end();
    await database.close();
  }
  return seeded;
}
