import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectNoSidewaysScroll } from '../fixtures/accessibility';

/**
 * The first run as a new installation sees it: production, an empty data directory, no demo.
 * Its own server (the shared one has the demo), on a port the system hands out.
 */
let server: ChildProcess;
let baseUrl: string;
let dataDir: string;
let output = '';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'first-run-'));
  const port = await freePort();
  baseUrl = `http://localhost:${port}`;
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, NODE_ENV: 'production', PUBLIC_URL: baseUrl, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  for (let attempt = 0; attempt < 600; attempt++) {
    if (server.exitCode !== null) throw new Error(`The server stopped:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/api/setup`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The server did not answer within a minute:\n${output}`);
});

test.afterAll(() => {
  server?.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Console errors a Content-Security-Policy caused (a blocked inline script or style, a refused connection). */
function collectPolicyErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) errors.push(message.text());
  });
  return errors;
}

test('a new installation opens the welcome screen and the owner sets up the organization, keyboard only', async ({ page }) => {
  const policyErrors = collectPolicyErrors(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${baseUrl}/`);
  await expect(page).toHaveURL(/\/welcome$/);
  await expect(page.getByRole('heading', { name: /set up your organization/i })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/welcome-1366.png', fullPage: true });
  await expectAccessible(page, 'welcome');
  await expectNoSidewaysScroll(page, 'welcome at 1366');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/screens/welcome-390.png', fullPage: true });
  await expectNoSidewaysScroll(page, 'welcome at 390');
  await expectAccessible(page, 'welcome (phone)');
  await page.setViewportSize({ width: 1366, height: 768 });

  // Keyboard only: the name has the focus; Tab goes through the fields in order.
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await name.focus();
  await page.keyboard.type('Harbour Swim Club');
  await page.getByRole('combobox', { name: 'Time zone' }).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Australia/Syd');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Australia/Sydney');
  await page.getByRole('combobox', { name: 'Currency' }).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('AUD');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByRole('textbox', { name: 'Locale' }).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('en-AU');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Grace Tan');
  await page.keyboard.press('Tab');
  await page.keyboard.type('grace@harbour-swim.example');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1234567890');
  await page.keyboard.press('Enter');
  await expect(page.getByText('is one of the most common passwords')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/welcome-refused-1366.png', fullPage: true });
  await expectAccessible(page, 'welcome with a refused password');

  const password = page.getByLabel('Password', { exact: false }).first();
  await password.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('harbour-lanes-2027');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Schedule' })).toBeVisible();
  expect(output).not.toMatch(/error/i);

  // The first run is over: the welcome screen sends people to sign in.
  await page.goto(`${baseUrl}/welcome`);
  await expect(page).toHaveURL(/\/login$/);
  expect(policyErrors).toEqual([]);
});
