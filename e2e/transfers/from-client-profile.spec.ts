import { beginnersTue, fullName } from '../fixtures/clients';
import { shownDate } from '../fixtures/demo';
import { expect, test } from '../fixtures/test';
import { transferDialog } from '../fixtures/transfer-dialog';

test('client profile → Update → transfer date → Intermediate Thu, close now', async ({ signedIn: page, saveScreen }) => {
  const { transferDate, pick } = await beginnersTue(page.request);
  const client = pick('profile');

  await page.goto(`/clients/${client.clientId}`);
  await expect(page.getByRole('heading', { name: fullName(client) })).toBeVisible();
  await saveScreen('client-profile');

  await page.getByRole('button', { name: 'Update Beginners Tue enrollment' }).click();
  const update = page.getByRole('dialog', { name: /^Update / });
  await update.getByLabel('Transfer from').selectOption(transferDate);
  await saveScreen('client-profile-update');
  await update.getByRole('button', { name: 'Choose the new session' }).click();

  const transfer = transferDialog(page);
  await expect(transfer.dialog).toContainText(`leaving on ${shownDate(transferDate)}`);
  await transfer.chooseTarget('Intermediate Thu');
  await transfer.continueToPayment();

  const closeNow = transfer.dialog.getByRole('form', { name: 'Close now' });
  // Without a reason nothing is sent, and the field says why.
  await closeNow.getByRole('button', { name: 'Enroll and Close Now' }).click();
  await expect(closeNow.getByText('Say why nothing is collected')).toBeVisible();
  await closeNow.getByLabel('Reason').fill("Covered by this month's tuition");
  await closeNow.getByRole('button', { name: 'Enroll and Close Now' }).click();

  await expect(page).toHaveURL(`/clients/${client.clientId}`);
  await expect(page.getByTestId('transfer-event')).toContainText('Checkout: closed without collecting');
  const invoice = page.getByRole('button', { name: /Intermediate Thu · due/ });
  await expect(invoice).toContainText('Closed');
});
