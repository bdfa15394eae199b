import { beginnersTue, fullName } from '../fixtures/clients';
import { shownDate } from '../fixtures/demo';
import { expect, test } from '../fixtures/test';
import { transferDialog } from '../fixtures/transfer-dialog';

test('session view → roster of the date → X → transfer to Intermediate Thu, pay later', async ({ signedIn: page, saveScreen }) => {
  const { session, transferDate, pick } = await beginnersTue(page.request);
  const client = pick('sessionView');

  await page.goto(`/sessions/${session.id}`);
  await expect(page.getByRole('heading', { name: 'Beginners Tue', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: shownDate(transferDate).replace(/, \d{4}$/, '') }).first().click();
  await expect(page.getByText(`${shownDate(transferDate)} at`)).toBeVisible();
  await expect(page.getByRole('group', { name: `Attendance of ${fullName(client)}` })).toBeVisible();
  await saveScreen('session-view');

  await page.getByRole('button', { name: `Remove or transfer ${fullName(client)}` }).click();
  await page.getByRole('menuitem', { name: 'Transfer to another session' }).click();
  const transfer = transferDialog(page);
  await transfer.chooseTarget('Intermediate Thu');
  await transfer.continueToPayment();

  const payLater = transfer.dialog.getByRole('form', { name: 'Pay later' });
  const dueOn = await payLater.getByLabel('Due on').inputValue();
  await payLater.getByRole('button', { name: 'Enroll and Pay Later' }).click();

  await expect(page).toHaveURL(`/clients/${client.clientId}`);
  await expect(page.getByTestId('transfer-event')).toContainText(
    `Transferred from Beginners Tue to Intermediate Thu on ${shownDate(transferDate)}`,
  );
  // The new invoice stays open with its due date, and counts in the family balance.
  const invoice = page.getByRole('button', { name: /Intermediate Thu · due/ });
  await expect(invoice).toContainText(`due ${shownDate(dueOn)}`);
  await expect(invoice).toContainText('Open');
  await expect(page.getByTestId('family-balance')).not.toHaveText('$0.00');
});
