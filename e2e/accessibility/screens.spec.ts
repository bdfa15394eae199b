import { beginnersTue, fullName } from '../fixtures/clients';
import { expectAccessible } from '../fixtures/accessibility';
import { clientProfile, demo } from '../fixtures/demo';
import { expect, test } from '../fixtures/test';
import { transferDialog } from '../fixtures/transfer-dialog';

test('sign-in screen', async ({ page, saveScreen }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(demo.owner);
  await page.getByRole('textbox', { name: 'Password' }).fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('do not match');
  await saveScreen('login-refused');
  await expectAccessible(page, 'login');

  await page.getByRole('textbox', { name: 'Password' }).fill(demo.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Schedule' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
});

test('schedule, roster drawer and transfer dialog steps', async ({ signedIn: page, saveScreen }) => {
  const { transferDate, pick } = await beginnersTue(page.request);
  const client = pick('accessibility');
  await page.goto(`/?date=${transferDate}`);
  await expect(page.getByRole('button', { name: /^Beginners Tue, .* enrolled/ })).toBeVisible();
  await expectAccessible(page, 'schedule');

  // Keyboard only: the session is a button in the tab order, Enter opens its roster.
  await page.getByRole('button', { name: /^Beginners Tue, .* enrolled/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Beginners Tue' })).toBeVisible();
  await expect(page.getByRole('button', { name: `Remove or transfer ${fullName(client)}` })).toBeVisible();
  await expectAccessible(page, 'roster drawer');

  await page.getByRole('button', { name: `Remove or transfer ${fullName(client)}` }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Transfer to another session' }).press('Enter');
  const transfer = transferDialog(page);
  await expect(transfer.dialog.getByRole('radio').first()).toBeVisible();
  await expectAccessible(page, 'transfer dialog: session');
  await transfer.chooseTarget('Intermediate Thu');
  await expect(transfer.dialog.getByText('Ready for payment')).toBeVisible();
  await expectAccessible(page, 'transfer dialog: dates');
  await transfer.continueToPayment();
  await transfer.dialog.getByRole('button', { name: 'Add A Discount' }).click();
  await saveScreen('checkout-add-discount');
  await expectAccessible(page, 'transfer dialog: checkout');

  // Closing the dialog without finishing changes nothing.
  const before = await clientProfile(page.request, client.clientId);
  await page.keyboard.press('Escape');
  await expect(transfer.dialog).toBeHidden();
  expect(await clientProfile(page.request, client.clientId)).toEqual(before);
});

test('session view, clients, client profile and setup', async ({ signedIn: page, saveScreen }) => {
  const { session, transferDate, maya } = await beginnersTue(page.request);
  await page.goto(`/sessions/${session.id}?date=${transferDate}`);
  await expect(page.getByRole('columnheader', { name: 'Attendance' })).toBeVisible();
  await expectAccessible(page, 'session view');

  await page.goto('/clients');
  await page.getByLabel('Search by name').fill('maya pat');
  await expect(page.getByRole('link', { name: 'Patel, Maya' })).toBeVisible();
  await saveScreen('clients');
  await expectAccessible(page, 'clients');

  await page.getByRole('link', { name: 'Patel, Maya' }).click();
  await expect(page.getByRole('heading', { name: fullName(maya) })).toBeVisible();
  await expectAccessible(page, 'client profile');

  for (const section of ['Locations', 'Instructors', 'Services', 'Sessions', 'Families', 'Clients']) {
    await page.goto('/setup');
    await page.getByRole('tab', { name: section }).click();
    await expect(page.getByRole('heading', { name: section, level: 3 })).toBeVisible();
    await expect(page.getByRole('table')).toBeVisible();
    await saveScreen(`setup-${section.toLowerCase()}`);
    await expectAccessible(page, `setup: ${section}`);
  }

  // A new business starts from nothing: missing fields are named before sending, and the
  // server's own validation shows next to the field it names (body.capacity → Capacity).
  await page.goto('/setup/sessions');
  await page.getByRole('button', { name: 'Add a session' }).click();
  const form = page.getByRole('dialog', { name: 'Add a session' });
  await form.getByRole('button', { name: 'Add session' }).click();
  await expect(form.getByText('Give the session a name')).toBeVisible();
  await expect(form.getByLabel('Service')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Service').selectOption({ label: 'Group Swim Lessons' });
  await form.getByLabel('Name').fill('Adult Lap Swim Wed');
  await form.getByRole('checkbox', { name: 'Wed' }).check();
  await form.getByLabel('Instructor').selectOption({ index: 1 });
  await form.getByLabel('Location').selectOption({ index: 1 });
  await form.getByLabel('Capacity').fill('5000');
  await form.getByRole('button', { name: 'Add session' }).click();
  await expect(form.getByText('must be at most 1000')).toBeVisible();
  await expect(form.getByLabel('Capacity')).toHaveAttribute('aria-invalid', 'true');
  await saveScreen('setup-session-form-errors');
  await expectAccessible(page, 'setup: session form');
  await form.getByLabel('Capacity').fill('6');
  await form.getByRole('button', { name: 'Add session' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('link', { name: 'Adult Lap Swim Wed' })).toBeVisible();
});
