import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../client.js';
import { buildInstructor, buildOrganization } from '../seed/builders.js';
import { openTestDatabase } from '../testing/test-database.js';
import { instructorRepository } from './instructor-repository.js';

let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

describe('instructorRepository', () => {
  it('inserts, finds, updates and lists instructors by name, only within the organization', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const zed = await instructorRepository.insert(db, org.id, { name: 'Zed', email: 'zed@example.test' });
    const alex = await buildInstructor(db, org.id, { name: 'Alex' });
    await buildInstructor(db, other.id, { name: 'Amy' });

    expect(await instructorRepository.findById(db, other.id, zed.id)).toBeUndefined();
    expect(await instructorRepository.update(db, other.id, zed.id, { name: 'x' })).toBeUndefined();
    expect(await instructorRepository.update(db, org.id, zed.id, { email: null })).toEqual({ ...zed, email: null });
    expect(await instructorRepository.list(db, org.id, { limit: 10, offset: 0 })).toMatchObject({
      items: [alex, { ...zed, email: null }],
      total: 2,
    });
  });

  describe('namesByIds', () => {
    it('returns an empty map for no ids', async () => {
      const org = await buildOrganization(db);
      await buildInstructor(db, org.id);
      expect(await instructorRepository.namesByIds(db, org.id, [])).toEqual(new Map());
    });

    it('names the organization’s instructors asked for; unknown and other organizations’ ids are absent', async () => {
      const org = await buildOrganization(db);
      const other = await buildOrganization(db);
      const alex = await buildInstructor(db, org.id, { name: 'Alex' });
      const sam = await buildInstructor(db, org.id, { name: 'Sam' });
      await buildInstructor(db, org.id, { name: 'Not Asked' });
      const elsewhere = await buildInstructor(db, other.id, { name: 'Amy' });

      const names = await instructorRepository.namesByIds(db, org.id, [alex.id, sam.id, alex.id, elsewhere.id, randomUUID()]);
      expect(names).toEqual(
        new Map([
          [alex.id, 'Alex'],
          [sam.id, 'Sam'],
        ]),
      );
    });
  });

  it('finds the instructor a login teaches as by email, whatever its case, only within the organization', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const email = `coach-${randomUUID().slice(0, 8)}@example.test`;
    const coach = await buildInstructor(db, org.id, { name: 'Coach', email });
    expect(await instructorRepository.findByEmail(db, org.id, email.toUpperCase())).toEqual(coach);
    expect(await instructorRepository.findByEmail(db, other.id, email)).toBeUndefined();
    expect(await instructorRepository.findByEmail(db, org.id, 'nobody@example.test')).toBeUndefined();
  });
});
