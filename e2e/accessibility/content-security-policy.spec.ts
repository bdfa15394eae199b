import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test';

/**
 * The Content-Security-Policy (no inline scripts but the hashed one in index.html) must not
 * break any screen: every screen loads with no policy violation, reported by the browser itself
 * (securitypolicyviolation events) and in the console.
 */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective}: ${event.blockedURI}`));
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []))];
}

test('no screen breaks the Content-Security-Policy', async ({ signedIn: page }) => {
  const violations = await watchViolations(page);
  const { items: clients } = await (await page.request.get('/api/clients?search=maya%20patel')).json();
  const profile = await (await page.request.get(`/api/clients/${clients[0].id}/profile`)).json();
  const { items: sessions } = await (await page.request.get('/api/sessions?limit=1')).json();
  const screens: [string, RegExp | string][] = [
    ['/', 'Schedule'],
    ['/clients', 'Clients'],
    [`/clients/${clients[0].id}`, /Maya Patel/],
    [`/families/${clients[0].familyId}`, /Patel/],
    [`/sessions/${sessions[0].id}`, sessions[0].name],
    ['/setup/locations', 'Locations'],
    ['/setup/instructors', 'Instructors'],
    ['/setup/services', 'Services'],
    ['/setup/sessions', 'Sessions'],
    ['/setup/families', 'Families'],
    ['/setup/clients', 'Clients'],
    ['/setup/billing', /Billing/],
    [`/invoices/${profile.invoices[0].id}/print`, /Invoice/],
    ['/no-such-screen', /does not exist/],
  ];
  for (const [path, heading] of screens) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: heading }).or(page.getByText(heading)).first(), path).toBeVisible();
    expect({ path, violations: await violations() }).toEqual({ path, violations: [] });
  }
  await page.goto('/docs');
  await expect(page.getByText('Session transfers API').first()).toBeVisible();
  expect({ path: '/docs', violations: await violations() }).toEqual({ path: '/docs', violations: [] });
});

test('the sign-in screen keeps to the policy', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await violations()).toEqual([]);
});
