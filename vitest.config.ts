import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          // Far from every organization's zone, so no code can lean on the server's clock zone.
          env: { TZ: 'Pacific/Kiritimati' },
          include: ['src/**/*.integration-test.ts'],
          globalSetup: ['src/db/testing/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
