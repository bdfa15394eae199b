import { beginnersTue, fullName } from '../fixtures/clients';
import { clientProfile, enrollmentRow, sessionNamed, shownDate, shownMoney } from '../fixtures/demo';
import { expect, test } from '../fixtures/test';
import { transferDialog } from '../fixtures/transfer-dialog';

test('schedule → roster → X → transfer Maya Patel to Intermediate Thu, apply the credit, pay now', async ({ signedIn: page, saveScreen }) => {
  const { session, transferDate, maya } = await beginnersTue(page.request);
  const target = await sessionNamed(page.request, 'Intermediate Thu');

  await page.goto(`/?date=${transferDate}`);
  const event = page.getByRole('button', { name: /^Beginners Tue, .* enrolled/ });
  await expect(event).toBeVisible();
  await saveScreen('schedule');

  await event.click();
  const drawer = page.getByRole('dialog', { name: 'Beginners Tue' });
  await expect(drawer.getByRole('link', { name: fullName(maya) })).toBeVisible();
  await saveScreen('schedule-roster-drawer');

  await drawer.getByRole('button', { name: `Remove or transfer ${fullName(maya)}` }).click();
  await page.getByRole('menuitem', { name: 'Transfer to another session' }).click();
  const transfer = transferDialog(page);
  await expect(transfer.dialog).toContainText(`leaving on ${shownDate(transferDate)}`);
  await expect(transfer.dialog.getByRole('radio', { name: /^Advanced Wed,.*Full/ })).toBeVisible();
  await saveScreen('transfer-targets');

  await transfer.chooseTarget('Intermediate Thu');
  await expect(transfer.dialog.getByText('Ready for payment')).toBeVisible();
  await saveScreen('transfer-dates');
  await transfer.continueToPayment();

  // The numbers on screen are the server's: ask it the same question and compare.
  const base = { subscriptionId: maya.subscriptionId, transferDate, targetSessionId: target.id };
  const quote = await (await page.request.post('/api/transfers/preview', { data: base })).json();
  const credit = quote.quote.suggestedCredit as { amount: number; reason: string } | null;
  await expect(transfer.total()).toHaveText(shownMoney(quote.invoice.total));
  let paidAtCheckout: number = quote.invoice.total;
  if (credit) {
    await expect(transfer.dialog.getByText(`Suggested credit: ${shownMoney(credit.amount)}`)).toBeVisible();
    await transfer.dialog.getByRole('button', { name: /Apply credit/ }).click();
    await expect(transfer.dialog.getByRole('button', { name: 'Credit applied' })).toBeDisabled();
    const withCredit = await (
      await page.request.post('/api/transfers/preview', { data: { ...base, discounts: [{ kind: 'amount', ...credit }] } })
    ).json();
    await expect(transfer.total()).toHaveText(shownMoney(withCredit.invoice.total));
    paidAtCheckout = withCredit.invoice.total;
  }
  await saveScreen('checkout');

  // A double click is one transfer: the button disables at once and the Idempotency-Key is reused.
  await transfer.dialog.getByRole('button', { name: 'Enroll and Pay Now' }).dblclick();
  await expect(page).toHaveURL(`/clients/${maya.clientId}`);
  const transferEvent = page.getByTestId('transfer-event');
  await expect(transferEvent).toHaveCount(1);
  await expect(transferEvent).toContainText(`Transferred from Beginners Tue to Intermediate Thu on ${shownDate(transferDate)}`);
  // Paid at once, so undoing it needs a refund first: the history says so instead of offering Undo.
  if (paidAtCheckout > 0) await expect(transferEvent.getByTestId('undo-hint')).toContainText('Refund the payment first, then undo.');
  else await expect(transferEvent.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(enrollmentRow(page, 'Beginners Tue')).toContainText(shownDate(transferDate));
  await expect(enrollmentRow(page, 'Intermediate Thu')).toContainText('Ongoing');
  await saveScreen('client-profile-after-transfer');

  const profile = await clientProfile(page.request, maya.clientId);
  expect(profile.transfers).toHaveLength(1);
  expect(profile.subscriptions.find((s) => s.sessionName === session.name)?.endsOn).toBe(transferDate);
});
