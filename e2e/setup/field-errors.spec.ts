import { beginnersTue } from '../fixtures/clients';
import { roster } from '../fixtures/demo';
import { expect, test } from '../fixtures/test';
import type { Locator } from '@playwright/test';

/** On screen, `message` is right under `field`: starting within a line of its bottom edge, in its column. */
async function expectJustBelow(message: Locator, field: Locator) {
  const [text, input] = [await message.boundingBox(), await field.boundingBox()];
  expect(text && input, 'both are on screen').toBeTruthy();
  expect(text!.y).toBeGreaterThanOrEqual(input!.y + input!.height - 1);
  expect(text!.y).toBeLessThan(input!.y + input!.height + 24);
  expect(text!.x).toBeGreaterThanOrEqual(input!.x - 1);
  expect(text!.x).toBeLessThan(input!.x + input!.width);
}

test('a refusal naming a field (capacity below the clients enrolled) shows beside that field', async ({ signedIn: page, saveScreen }) => {
  const { session, transferDate } = await beginnersTue(page.request);
  const enrolled = (await roster(page.request, session.id, transferDate)).length;
  expect(enrolled).toBeGreaterThan(1);

  await page.goto('/setup/sessions');
  await page.getByRole('button', { name: 'Edit Beginners Tue' }).click();
  const form = page.getByRole('dialog', { name: 'Edit Beginners Tue' });
  const capacity = form.getByLabel('Capacity');
  await capacity.fill('1');
  await form.getByRole('button', { name: 'Save changes' }).click();

  // The server's message (body.capacity) is the Capacity field's own error: described by it, not only somewhere in the dialog.
  await expect(capacity).toHaveAttribute('aria-invalid', 'true');
  await expect(capacity).toHaveAccessibleDescription(/at least \d+/);
  const message = form.getByText(/^at least \d+$/);
  await expect(message).toBeVisible();
  await expectJustBelow(message, capacity);
  await expect(form.getByRole('alert')).toHaveText(/Correct the fields marked in red and save again/);
  await expect(form.getByLabel('Name')).not.toHaveAttribute('aria-invalid', 'true');

  await saveScreen('setup-session-capacity-error-1024');
  for (const [width, height] of [
    [1366, 768],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await capacity.scrollIntoViewIfNeeded();
    await expect(message).toBeInViewport();
    await expectJustBelow(message, capacity);
    await saveScreen(`setup-session-capacity-error-${width}x${height}`);
  }

  // Nothing was changed: the session keeps its capacity.
  await form.getByRole('button', { name: 'Cancel' }).click();
  const after = await page.request.get(`/api/sessions/${session.id}`);
  expect((await after.json()).capacity).toBe(session.capacity);
});
