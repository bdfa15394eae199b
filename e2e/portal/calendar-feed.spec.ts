import type { APIRequestContext, Page } from '@playwright/test';
import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import type { ClientProfileDto } from '../../src/contracts/client-profile';
import type { ClientDto } from '../../src/contracts/families';
import type { SessionDatesDto } from '../../src/contracts/sessions';
import { expectAccessible, expectNoSidewaysScroll } from '../fixtures/accessibility';
import { patelFamilyId, screenSizes, signInAs, sizeName } from '../fixtures/billing';
import { demo } from '../fixtures/demo';
import { expect, signIn, test } from '../fixtures/test';

async function json<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(path);
  expect(response.ok(), `GET ${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** The feed at `url`, read by ical.js with the feed's own VTIMEZONE, as a calendar app reads it. */
async function readFeed(request: APIRequestContext, url: string) {
  const response = await request.get(url);
  if (response.status() !== 200) return { status: response.status(), events: [] };
  expect(response.headers()['content-type']).toMatch(/^text\/calendar/);
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return { summary: event.summary, startsAt: event.startDate.toJSDate().toISOString(), status: String(component.getFirstPropertyValue('status')) };
  });
  return { status: 200, events };
}

/**
 * What the feed should hold over the next eight weeks: each date of each child's enrollment as
 * the session dates API shows it, "<child> – <session>" at the same instant.
 */
async function expectedDates(request: APIRequestContext, familyId: string, from: string, to: string) {
  const { items } = await json<{ items: ClientDto[] }>(request, `/api/clients?familyId=${familyId}&limit=50`);
  const expected: { summary: string; startsAt: string; status: string }[] = [];
  for (const client of items) {
    const profile = await json<ClientProfileDto>(request, `/api/clients/${client.id}/profile`);
    for (const subscription of profile.subscriptions.filter((s) => s.status === 'active')) {
      const { dates } = await json<SessionDatesDto>(request, `/api/sessions/${subscription.sessionId}/dates?from=${from}&to=${to}`);
      for (const date of dates) {
        if (date.date < subscription.startsOn || (subscription.endsOn !== null && date.date >= subscription.endsOn)) continue;
        expected.push({
          summary: `${client.firstName} ${client.lastName} – ${subscription.sessionName}`,
          startsAt: new Date(date.startsAt).toISOString(),
          status: date.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
        });
      }
    }
  }
  return expected.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.summary.localeCompare(b.summary));
}

const feedLink = (page: Page) => page.getByRole('textbox', { name: 'Feed link' });

for (const size of screenSizes) {
  test.describe(sizeName(size), () => {
    test.use({ viewport: size });

    test("the family page's calendar feed: a link that opens in a calendar parser with the schedule's times, a new link, turning it off", async ({ page, saveScreen }) => {
      const shot = (name: string) => saveScreen(`calendar-feed-${name}-${sizeName(size)}`);
      await signInAs(page, 'frontDesk');
      const { familyId } = await patelFamilyId(page.request);
      // Each run starts with the feed off (the other screen size's run may have left one on).
      expect((await page.request.delete(`/api/families/${familyId}/calendar-feed`)).ok()).toBe(true);

      await page.goto(`/families/${familyId}`);
      const card = page.getByRole('region', { name: 'Calendar feed' });
      await expect(card.getByText('The feed is off: no link works.')).toBeVisible();
      await card.scrollIntoViewIfNeeded();
      await shot('off');
      await card.getByRole('button', { name: 'Make a link' }).click();
      await expect(feedLink(page)).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      const first = await feedLink(page).inputValue();
      await expectNoSidewaysScroll(page, 'family page with its calendar feed');
      await card.scrollIntoViewIfNeeded();
      await shot('on');
      await expectAccessible(page, 'family page with its calendar feed');

      // The link the page shows opens as a calendar with the schedule's dates at the schedule's instants.
      const today = Temporal.Now.plainDateISO(demo.timeZone);
      const [from, to] = [today.toString(), today.add({ weeks: 8 }).toString()];
      const expected = await expectedDates(page.request, familyId, from, to);
      expect(expected.length).toBeGreaterThan(0);
      const feed = await readFeed(page.request, first);
      const [fromInstant, toInstant] = [from, to].map((d) => Temporal.PlainDate.from(d).toZonedDateTime(demo.timeZone).toInstant().toString());
      const inRange = feed.events
        .filter((e) => e.startsAt >= new Date(fromInstant!).toISOString() && e.startsAt < new Date(toInstant!).toISOString())
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.summary.localeCompare(b.summary));
      expect(inRange).toEqual(expected);

      // By keyboard: a new link asks first (Escape keeps the current one), then replaces it; the old one stops working.
      await card.getByRole('button', { name: 'Make a new link' }).focus();
      await page.keyboard.press('Enter');
      const confirm = page.getByRole('dialog', { name: 'Make a new link?' });
      await expect(confirm.getByText('The current link stops working at once')).toBeVisible();
      await shot('confirm-new-link');
      await expectAccessible(page, 'confirm a new calendar link');
      await page.keyboard.press('Escape');
      await expect(confirm).toBeHidden();
      await expect(feedLink(page)).toHaveValue(first);
      await card.getByRole('button', { name: 'Make a new link' }).focus();
      await page.keyboard.press('Enter');
      await confirm.getByRole('button', { name: 'Make a new link' }).focus();
      await page.keyboard.press('Enter');
      await expect(confirm).toBeHidden();
      await expect(feedLink(page)).not.toHaveValue(first);
      const second = await feedLink(page).inputValue();
      expect((await readFeed(page.request, first)).status).toBe(404);
      expect((await readFeed(page.request, second)).status).toBe(200);

      // Turning it off stops the link too.
      await card.getByRole('button', { name: 'Turn off' }).click();
      await page.getByRole('dialog', { name: 'Turn the calendar feed off?' }).getByRole('button', { name: 'Turn off' }).click();
      await expect(card.getByText('The feed is off: no link works.')).toBeVisible();
      expect((await readFeed(page.request, second)).status).toBe(404);
    });

    test("an instructor's calendar feed in the instructor's setup dialog: their sessions' dates", async ({ page, saveScreen }) => {
      await signInAs(page, 'manager');
      await page.goto('/setup/instructors');
      await page.getByRole('button', { name: 'Edit Alex Moreno' }).click();
      const dialog = page.getByRole('dialog');
      const card = dialog.getByRole('region', { name: 'Calendar feed' });
      // The card says whether a link exists once its answer is in; decide after that, not before.
      await expect(card.getByRole('button', { name: /Make a (new )?link/ }).first()).toBeVisible();
      if (await card.getByRole('button', { name: 'Make a link' }).isVisible()) await card.getByRole('button', { name: 'Make a link' }).click();
      await expect(feedLink(page)).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      const feed = await readFeed(page.request, await feedLink(page).inputValue());
      expect(feed.events.length).toBeGreaterThan(10);
      await card.scrollIntoViewIfNeeded();
      await saveScreen(`calendar-feed-instructor-${sizeName(size)}`);
      await expectNoSidewaysScroll(page, "instructor's dialog with the calendar feed");
      await expectAccessible(page, "instructor's dialog with the calendar feed");
    });

    test("an instructor's own calendar feed under My calendar: the same link as on their instructor record", async ({ page, saveScreen }) => {
      await signIn(page, 'alex.moreno@riverside-swim.example.com');
      await page.goto('/');
      if (size.width < 768) await page.getByRole('button', { name: 'Navigation' }).click();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My calendar' }).click();
      await expect(page.getByRole('heading', { name: 'My calendar' })).toBeVisible();
      const card = page.getByRole('region', { name: 'Calendar feed' });
      await expect(card.getByRole('button', { name: /Make a (new )?link/ }).first()).toBeVisible();
      if (await card.getByRole('button', { name: 'Make a link' }).isVisible()) await card.getByRole('button', { name: 'Make a link' }).click();
      await expect(feedLink(page)).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      const url = await feedLink(page).inputValue();
      expect((await readFeed(page.request, url)).events.length).toBeGreaterThan(10);
      await expect(page.getByRole('link', { name: 'Add to my calendar app' })).toHaveAttribute('href', url.replace(/^http:/, 'webcal:'));
      await saveScreen(`calendar-feed-my-calendar-${sizeName(size)}`);
      await expectNoSidewaysScroll(page, 'My calendar');
      await expectAccessible(page, 'My calendar');
      // The manager sees the same link on Alex Moreno's record.
      await signInAs(page, 'manager');
      const { items } = await json<{ items: { id: string; name: string }[] }>(page.request, '/api/instructors');
      const alex = items.find((i) => i.name === 'Alex Moreno')!;
      expect((await json<{ feed: { url: string } }>(page.request, `/api/instructors/${alex.id}/calendar-feed`)).feed.url).toBe(url);
    });

    test("the portal's Sync my calendar page: Priya Patel turns on her family's link, a webcal:// link and how to add it", async ({ page, saveScreen }) => {
      // The demo's guardian with a portal login (README's demo logins).
      await signIn(page, 'priya.patel@example.com');
      // Each run starts with the feed off (the other screen size's run, or the family page's, may have left one on).
      expect((await page.request.delete('/api/portal/calendar-feed')).ok()).toBe(true);
      await page.goto('/portal/calendar');
      await expect(page.getByRole('heading', { name: 'Sync my calendar', level: 2 })).toBeVisible();
      await page.getByRole('region', { name: 'Calendar feed' }).getByRole('button', { name: 'Make a link' }).click();
      await expect(feedLink(page)).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      const url = await feedLink(page).inputValue();
      await expect(page.getByRole('link', { name: 'Add to my calendar app' })).toHaveAttribute('href', url.replace(/^https?:/, 'webcal:'));
      await expect(page.getByText('Add Subscribed Calendar', { exact: false })).toBeVisible();
      await saveScreen(`calendar-feed-portal-${sizeName(size)}`);
      await expectNoSidewaysScroll(page, 'Sync my calendar');
      await expectAccessible(page, 'Sync my calendar');
      // The link opens as a calendar of the Patel children's classes.
      const feed = await readFeed(page.request, url);
      expect(feed.status).toBe(200);
      expect(feed.events.length).toBeGreaterThan(0);
      for (const event of feed.events) expect(event.summary).toMatch(/^\S+ Patel – /);
    });
  });
}
