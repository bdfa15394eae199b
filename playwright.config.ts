import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium';

// A fresh database per run, so every run starts from the seeded demo. Set once in the main
// process; the workers inherit it instead of making directories of their own.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'transfers-e2e-'));

// E2E_PORT lets two checkouts on one machine run their browser tests at once.
const port = Number(process.env.E2E_PORT ?? 3100);
// The app sends its emails to an SMTP server the email spec starts on this port (e2e/messages).
process.env.E2E_SMTP_PORT ??= String(port + 25);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/playwright',
  // One shared demo database: tests run one at a time and each uses its own clients.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    viewport: { width: 1024, height: 768 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command:
      // Every spec signs in from this one address, guardians and staff alike: more than an office's 10 a minute.
      `npm run build:web && DATA_DIR=${process.env.E2E_DATA_DIR} PORT=${port} SIGN_IN_ATTEMPTS_PER_MINUTE=200 ` +
      `SMTP_URL=smtp://127.0.0.1:${process.env.E2E_SMTP_PORT} MAIL_FROM="Riverside Swim School <office@riverside-swim.example.com>" npm start`,
    url: `http://localhost:${port}/api/me`,
    // 401 (nobody signed in) counts as up: Playwright accepts any status below 404.
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
