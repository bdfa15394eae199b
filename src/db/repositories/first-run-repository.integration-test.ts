import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client.js';
import { buildOrganization } from '../seed/builders.js';
import { itOnServer, openTestDatabase } from '../testing/test-database.js';
import { firstRunRepository } from './first-run-repository.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

describe('firstRunRepository', () => {
  it('sees an organization once one exists', async () => {
    await buildOrganization(handle.db, { name: 'Any Swim' });
    expect(await firstRunRepository.anyOrganization(handle.db)).toBe(true);
  });

  itOnServer('makes a second first run wait until the first one has committed', async () => {
    const order: string[] = [];
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstHasTurn!: () => void;
    const firstStarted = new Promise<void>((resolve) => (firstHasTurn = resolve));
    const first = handle.db.transaction(async (tx) => {
      await firstRunRepository.takeTurn(tx);
      firstHasTurn();
      await firstHolds;
      order.push('first done');
    });
    await firstStarted;
    const second = handle.db.transaction(async (tx) => {
      await firstRunRepository.takeTurn(tx);
      order.push('second has its turn');
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(['first done', 'second has its turn']);
  });
});
