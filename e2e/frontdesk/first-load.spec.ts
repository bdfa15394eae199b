import type { Browser, Page } from '@playwright/test';
import { patelFamilyId } from '../fixtures/billing';
import { expect, test } from '../fixtures/test';

/**
 * A phone on a slow network pays a round trip for every file it fetches, so the screens the front
 * desk opens first arrive in a handful of script files (vite.config.ts `firstScreenChunks`,
 * docs/decisions/017-web-app-first-load.md): the bundler left alone made 28 for the schedule and
 * 40 for a profile. Counted in a real browser with nothing cached; how long the load takes is
 * measured by `npm run bench:lighthouse`, not here.
 */
const MOST_SCRIPT_FILES = 8;

/** The same signed-in person in a new browser context: an empty cache, as a first visit has. */
async function freshVisit(browser: Browser, signedIn: Page, path: string) {
  const context = await browser.newContext({ storageState: await signedIn.context().storageState(), viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

async function scriptFiles(page: Page) {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.startsWith('/assets/') && path.endsWith('.js')),
  );
}

test.describe('first load on a phone', () => {
  test('the schedule and a client’s profile each open with a handful of script files', async ({ frontDesk, browser }) => {
    const schedule = await freshVisit(browser, frontDesk, '/');
    await expect(schedule.getByText(/session dates?,/)).toBeVisible();
    const scheduleFiles = await scriptFiles(schedule);
    expect(scheduleFiles.length, scheduleFiles.join('\n')).toBeLessThanOrEqual(MOST_SCRIPT_FILES);
    await schedule.context().close();

    const { mayaId } = await patelFamilyId(frontDesk.request);
    const profile = await freshVisit(browser, frontDesk, `/clients/${mayaId}`);
    await expect(profile.getByRole('heading', { name: 'Maya Patel' })).toBeVisible();
    await expect(profile.getByRole('heading', { name: 'History' })).toBeVisible();
    const profileFiles = await scriptFiles(profile);
    expect(profileFiles.length, profileFiles.join('\n')).toBeLessThanOrEqual(MOST_SCRIPT_FILES);
    await profile.context().close();
  });
});
