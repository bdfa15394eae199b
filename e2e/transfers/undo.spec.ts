import { beginnersTue, fullName } from '../fixtures/clients';
import { clientProfile, enrollmentRow } from '../fixtures/demo';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test';
import { transferDialog } from '../fixtures/transfer-dialog';

async function transferFromProfile(page: Page, transferDate: string, finish: 'Enroll and Pay Later' | 'Enroll and Pay Now') {
  await page.getByRole('button', { name: 'Update Beginners Tue enrollment' }).click();
  const update = page.getByRole('dialog', { name: /^Update / });
  await update.getByLabel('Transfer from').selectOption(transferDate);
  await update.getByRole('button', { name: 'Choose the new session' }).click();
  const transfer = transferDialog(page);
  await transfer.chooseTarget('Intermediate Sat');
  await transfer.continueToPayment();
  await transfer.dialog.getByRole('button', { name: finish }).click();
  await expect(transfer.dialog).toBeHidden();
}

test('undo restores the old enrollment; after a payment undo is refused with its reason', async ({ signedIn: page, saveScreen }) => {
  const { transferDate, pick } = await beginnersTue(page.request);
  const client = pick('undo');
  await page.goto(`/clients/${client.clientId}`);
  await expect(page.getByRole('heading', { name: fullName(client) })).toBeVisible();

  await transferFromProfile(page, transferDate, 'Enroll and Pay Later');
  const completed = page.getByTestId('transfer-event').filter({ hasText: 'Completed' });
  await completed.getByRole('button', { name: 'Undo' }).click();
  const confirm = page.getByRole('dialog', { name: /^Undo the transfer/ });
  await saveScreen('undo-confirm');
  await confirm.getByRole('button', { name: 'Undo transfer' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText('Transfer undone: back in Beginners Tue')).toBeVisible();
  await expect(enrollmentRow(page, 'Beginners Tue')).toContainText('Ongoing');
  await saveScreen('client-profile-after-undo');
  let profile = await clientProfile(page.request, client.clientId);
  expect(profile.transfers.map((t) => t.status)).toEqual(['undone']);
  expect(profile.subscriptions.find((s) => s.sessionName === 'Beginners Tue')?.endsOn).toBeNull();

  // Transfer again and take a payment: now something depends on it, so undo is refused.
  await transferFromProfile(page, transferDate, 'Enroll and Pay Now');
  await page.getByTestId('transfer-event').filter({ hasText: 'Completed' }).getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('dialog', { name: /^Undo the transfer/ }).getByRole('button', { name: 'Undo transfer' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Cannot undo' })).toBeVisible();
  await saveScreen('undo-refused');
  profile = await clientProfile(page.request, client.clientId);
  expect(profile.transfers.map((t) => t.status).sort()).toEqual(['completed', 'undone']);
});
