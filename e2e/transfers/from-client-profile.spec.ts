import { Temporal } from 'temporal-polyfill';
import type { SessionDatesDto } from '../../src/contracts/sessions';
import { demo, sessionNamed, shownDate, shownMoney } from '../fixtures/demo';
import { enrolledChild, expectFitsAndAccessible, firstMonthInvoice, openDates, ROOMY_TUESDAY, roomyTuesday, screens } from '../fixtures/frontdesk';
import { expect, signIn, test } from '../fixtures/test';
import { transferDialog } from '../fixtures/transfer-dialog';

for (const screen of screens) {
  test.describe(`on the ${screen.name}`, () => {
    test.use({ viewport: screen.viewport });

    test('a manager: client profile → Update → transfer date → Intermediate Thu, close now', async ({ manager: page, saveScreen }) => {
      await roomyTuesday(page.request);
      const child = await enrolledChild(page.request, `Close ${screen.name}`, ROOMY_TUESDAY);
      // EXAMPLES.md E1, worked out here from the first Thursday with a seat on or after the transfer
      // date: the price × Thursdays left in that month / Thursdays in it.
      const firstDate = (await openDates(page.request, 'Intermediate Thu', child.transferDate)).dates[0]!;
      const expected = await firstMonthInvoice(page.request, 'Intermediate Thu', firstDate);

      await page.goto(`/clients/${child.child.id}`);
      await expect(page.getByRole('heading', { name: child.childName })).toBeVisible();
      await saveScreen(`client-profile-${screen.name}`);

      await page.getByRole('button', { name: `Update ${ROOMY_TUESDAY} enrollment` }).click();
      const update = page.getByRole('dialog', { name: /^Update / });
      await update.getByLabel('Transfer from').selectOption(child.transferDate);
      await saveScreen(`client-profile-update-${screen.name}`);
      await update.getByRole('button', { name: 'Choose the new session' }).click();

      const transfer = transferDialog(page);
      await expect(transfer.dialog).toContainText(`leaving on ${shownDate(child.transferDate)}`);
      await transfer.chooseTarget('Intermediate Thu');
      await transfer.continueToPayment();
      await expect(transfer.total()).toHaveText(shownMoney(expected));

      const closeNow = transfer.dialog.getByRole('form', { name: 'Close now' });
      // Without a reason nothing is sent, and the field says why.
      await closeNow.getByRole('button', { name: 'Enroll and Close Now' }).click();
      await expect(closeNow.getByText('Say why nothing is collected')).toBeVisible();
      await saveScreen(`close-now-${screen.name}`);
      await expectFitsAndAccessible(page, 'checkout: close now');
      await closeNow.getByLabel('Reason').fill("Covered by this month's tuition");
      await closeNow.getByRole('button', { name: 'Enroll and Close Now' }).click();

      await expect(page).toHaveURL(`/clients/${child.child.id}`);
      await expect(page.getByTestId('transfer-event')).toContainText('Checkout: closed without collecting');
      // The invoice keeps its amount and says it was closed, not paid.
      const invoice = page.getByRole('button', { name: /Intermediate Thu · due/ });
      await expect(invoice).toContainText('Closed');
      await expect(invoice).toContainText(shownMoney(expected));
      await saveScreen(`client-profile-closed-${screen.name}`);
      await expectFitsAndAccessible(page, 'client profile after close now');
    });

    test('a full session is marked full in step 1: front desk is told a manager can enroll, a manager does (audited override)', async ({
      page,
      manager,
      saveScreen,
    }) => {
      await roomyTuesday(manager.request);
      const child = await enrolledChild(manager.request, `Full ${screen.name}`, ROOMY_TUESDAY);
      // Advanced Wed is full on every date: its first real date on or after the transfer date, and
      // the month's invoice from it (EXAMPLES.md E1), worked out here.
      const session = await sessionNamed(manager.request, 'Advanced Wed');
      const to = Temporal.PlainDate.from(child.transferDate).add({ days: 28 }).toString();
      const { dates } = (await (await manager.request.get(`/api/sessions/${session.id}/dates?from=${child.transferDate}&to=${to}`)).json()) as SessionDatesDto;
      const firstDate = dates.find((d) => d.status !== 'cancelled')!.date;
      const expected = await firstMonthInvoice(manager.request, 'Advanced Wed', firstDate);

      const openTargets = async () => {
        await page.goto(`/clients/${child.child.id}`);
        await page.getByRole('button', { name: `Update ${ROOMY_TUESDAY} enrollment` }).click();
        const update = page.getByRole('dialog', { name: /^Update / });
        await update.getByLabel('Transfer from').selectOption(child.transferDate);
        await update.getByRole('button', { name: 'Choose the new session' }).click();
        return transferDialog(page);
      };

      await signIn(page, demo.frontDesk);
      let transfer = await openTargets();
      await expect(transfer.dialog.getByRole('radio', { name: /^Advanced Wed, Full.*; a manager can enroll beyond capacity$/ })).toBeVisible();
      await expect(transfer.dialog.getByRole('radio', { name: /^Advanced Wed,/ }).getByText('A manager can enroll beyond capacity.')).toBeVisible();
      await saveScreen(`transfer-full-target-front-desk-${screen.name}`);
      await expectFitsAndAccessible(page, 'step 1: a full session, front desk');

      await signIn(page, demo.manager);
      transfer = await openTargets();
      await expect(transfer.dialog.getByRole('radio', { name: /^Advanced Wed, Full.*; you may enroll beyond capacity$/ })).toBeVisible();
      await transfer.chooseTarget('Advanced Wed');
      await transfer.dialog.getByLabel('First date in Advanced Wed').selectOption(firstDate);
      // Refused as it is; the manager ticks the override and the dates are then ready.
      await expect(transfer.dialog.getByText(/It is full \(6 seats\)/)).toBeVisible();
      await transfer.dialog.getByLabel(/Enroll even though the session is full/).check();
      await saveScreen(`transfer-full-override-${screen.name}`);
      await expectFitsAndAccessible(page, 'step 2: capacity override');
      await transfer.continueToPayment();
      await expect(transfer.total()).toHaveText(shownMoney(expected));
      await transfer.dialog.getByRole('button', { name: 'Enroll and Pay Later' }).click();
      await expect(transfer.dialog).toBeHidden();
      await expect(page.getByTestId('transfer-event')).toContainText(`Transferred from ${ROOMY_TUESDAY} to Advanced Wed on ${shownDate(child.transferDate)}`);
    });
  });
}
