import { beginnersTue, fullName } from '../fixtures/clients';
import { clientProfile } from '../fixtures/demo';
import { expect, test } from '../fixtures/test';
import { transferDialog } from '../fixtures/transfer-dialog';

test('a full target (Advanced Wed) is refused with its reason and nothing changes', async ({ signedIn: page, saveScreen }) => {
  const { transferDate, pick } = await beginnersTue(page.request);
  const client = pick('rejected');
  const before = await clientProfile(page.request, client.clientId);

  await page.goto(`/?date=${transferDate}`);
  await page.getByRole('button', { name: /^Beginners Tue, .* enrolled/ }).click();
  await page.getByRole('button', { name: `Remove or transfer ${fullName(client)}` }).click();
  await page.getByRole('menuitem', { name: 'Transfer to another session' }).click();

  const transfer = transferDialog(page);
  await transfer.chooseTarget('Advanced Wed');
  const refusal = transfer.dialog.getByRole('alert');
  await expect(refusal).toContainText('Advanced Wed cannot be chosen');
  await expect(refusal).toContainText('full');
  await expect(transfer.dialog.getByRole('button', { name: 'Continue to payment' })).toBeDisabled();
  await saveScreen('transfer-refused-full');

  await transfer.dialog.getByRole('button', { name: 'Close' }).click();
  await expect(transfer.dialog).toBeHidden();
  expect(await clientProfile(page.request, client.clientId)).toEqual(before);
});
