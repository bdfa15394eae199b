import { defineConfig } from 'vitest/config';

/**
 * The reliability suite (`npm run test:reliability`): tests that try hard to break the product
 * on a real PostgreSQL server (RELIABILITY_DATABASE_URL, default the local `test` database,
 * used only to create and drop the suite's own fresh databases). `npm test` never runs it.
 * Each test records its figures; the run writes them to docs/reliability.md.
 */
export default defineConfig({
  test: {
    include: ['src/reliability/**/*.reliability-test.ts'],
    globalSetup: ['src/reliability/support/global-setup.ts'],
    // The test process (and the servers it runs in-process) is far from every organization's zone.
    env: { TZ: 'Pacific/Kiritimati' },
    // Two cores: two files at a time, each with its own database and servers.
    maxWorkers: 2,
    testTimeout: 330_000,
    hookTimeout: 120_000,
  },
});
