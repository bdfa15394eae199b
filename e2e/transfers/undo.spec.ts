import type { Page } from '@playwright/test';
import { clientProfile, enrollmentRow, shownMoney } from '../fixtures/demo';
import { enrolledChild, expectFitsAndAccessible, firstMonthInvoice, openDates, ROOMY_TUESDAY, roomyTuesday, screens } from '../fixtures/frontdesk';
import { demo } from '../fixtures/demo';
import { signIn } from '../fixtures/test';
import { expect, test } from '../fixtures/test';
import { transferDialog } from '../fixtures/transfer-dialog';

type Child = Awaited<ReturnType<typeof enrolledChild>>;

/**
 * From the client profile: ROOMY_TUESDAY → `target` from the child's transfer date. The
 * checkout's total is checked against the first month worked out here (EXAMPLES.md E1: the
 * price × the target's dates left / its dates in the month), not against the API's own preview.
 */
async function transferFromProfile(page: Page, child: Child, target: string, finish: 'Enroll and Pay Later' | 'Enroll and Pay Now') {
  // The target's first date: its first date with a free seat on or after the transfer date.
  const firstDate = (await openDates(page.request, target, child.transferDate)).dates[0]!;
  const expected = await firstMonthInvoice(page.request, target, firstDate);
  await page.getByRole('button', { name: `Update ${ROOMY_TUESDAY} enrollment` }).click();
  const update = page.getByRole('dialog', { name: /^Update / });
  await update.getByLabel('Transfer from').selectOption(child.transferDate);
  await update.getByRole('button', { name: 'Choose the new session' }).click();
  const transfer = transferDialog(page);
  await transfer.chooseTarget(target);
  await transfer.continueToPayment();
  await expect(transfer.total()).toHaveText(shownMoney(expected));
  await transfer.dialog.getByRole('button', { name: finish }).click();
  await expect(transfer.dialog).toBeHidden();
}

for (const screen of screens) {
  test.describe(`on the ${screen.name}`, () => {
    test.use({ viewport: screen.viewport });

    test('a manager undoes a transfer; after a payment the history says what undoing needs', async ({ manager: page, saveScreen }) => {
      await roomyTuesday(page.request);
      const child = await enrolledChild(page.request, `Undo ${screen.name}`, ROOMY_TUESDAY);
      await page.goto(`/clients/${child.child.id}`);
      await expect(page.getByRole('heading', { name: child.childName })).toBeVisible();

      await transferFromProfile(page, child, 'Intermediate Sat', 'Enroll and Pay Later');
      const completed = page.getByTestId('transfer-event').filter({ hasText: 'Completed' });
      await completed.getByRole('button', { name: 'Undo' }).click();
      const confirm = page.getByRole('dialog', { name: /^Undo the transfer/ });
      await saveScreen(`undo-confirm-${screen.name}`);
      await expectFitsAndAccessible(page, 'undo: confirm');
      await confirm.getByRole('button', { name: 'Undo transfer' }).click();
      await expect(confirm).toBeHidden();
      await expect(page.getByText(`Transfer undone: back in ${ROOMY_TUESDAY}`)).toBeVisible();
      await expect(enrollmentRow(page, ROOMY_TUESDAY)).toContainText('Ongoing');
      await saveScreen(`client-profile-after-undo-${screen.name}`);
      let profile = await clientProfile(page.request, child.child.id);
      expect(profile.transfers.map((t) => t.status)).toEqual(['undone']);
      expect(profile.subscriptions.find((s) => s.sessionName === ROOMY_TUESDAY)?.endsOn).toBeNull();

      // Transfer again and take a payment: now something depends on it, so undo is refused.
      await transferFromProfile(page, child, 'Intermediate Sat', 'Enroll and Pay Now');
      // The history says what undoing needs instead of offering a button that would fail.
      const paid = page.getByTestId('transfer-event').filter({ hasText: 'Completed' });
      await expect(paid.getByTestId('undo-hint')).toContainText('was paid on the new Intermediate Sat enrollment');
      await expect(paid.getByTestId('undo-hint')).toContainText('Refund');
      await expect(paid.getByRole('button', { name: 'Undo' })).toHaveCount(0);
      await paid.scrollIntoViewIfNeeded();
      await saveScreen(`undo-needs-refund-${screen.name}`);
      await expectFitsAndAccessible(page, 'undo: needs a refund');
      profile = await clientProfile(page.request, child.child.id);
      expect(profile.transfers.map((t) => t.status).sort()).toEqual(['completed', 'undone']);
    });

    test('front desk sees who can undo a transfer, not a button that fails', async ({ frontDesk: page, saveScreen }) => {
      // Set up as the manager (a new session is theirs to make), then at the desk as front desk.
      await signIn(page, demo.manager);
      await roomyTuesday(page.request);
      const child = await enrolledChild(page.request, `No undo ${screen.name}`, ROOMY_TUESDAY);
      await signIn(page, demo.frontDesk);
      await page.goto(`/clients/${child.child.id}`);
      await expect(page.getByRole('heading', { name: child.childName })).toBeVisible();
      // Another session than the manager's test, so the two leave each other free seats.
      await transferFromProfile(page, child, 'Advanced Fri', 'Enroll and Pay Later');

      const completed = page.getByTestId('transfer-event').filter({ hasText: 'Completed' });
      await expect(completed).toContainText('A manager can undo this transfer.');
      await expect(completed.getByRole('button', { name: 'Undo' })).toHaveCount(0);
      await saveScreen(`undo-front-desk-${screen.name}`);
      await expectFitsAndAccessible(page, 'front desk: transfer without undo');
    });
  });
}
