import { refuseWaitingRequestOf } from '../transfer-requests/approval.js';
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import { attendanceRepository } from '../../../db/repositories/attendance-repository.js';
import { auditRepository } from '../../../db/repositories/audit-repository.js';
import { invoiceRepository, type InvoiceRow } from '../../../db/repositories/invoice-repository.js';
import { sessionRepository } from '../../../db/repositories/session-repository.js';
import { subscriptionRepository, type SubscriptionRow } from '../../../db/repositories/subscription-repository.js';
import { transferRepository, type TransferRow } from '../../../db/repositories/transfer-repository.js';
import type { UndoTransferResultDto } from '../../../contracts/transfers.js';
import type { InvoiceDto } from '../../../contracts/billing.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';
import { can } from '../../../domain/access/permissions.js';
import { AppError } from '../../../domain/errors.js';
import { assertUndoable } from '../../../domain/transfers/undo-rules.js';
import { assertSeatAvailable } from '../enrollment/seat-check.js';
import { toSubscriptionDto } from '../enrollment/subscription-dto.js';
import { loadSessionSchedules } from '../sessions/session-schedule.js';
import { toTransferDto } from './transfer-dto.js';
import { accountCreditRepository } from '../../../db/repositories/account-credit-repository.js';
import { familyRepository } from '../../../db/repositories/family-repository.js';
import { loadInvoices } from '../billing/invoice-details.js';
import { recordInLedger, type LedgerContext } from '../billing/ledger.js';
import { transferUndoneNotices } from '../notifications/notices.js';
import { tell } from '../notifications/tell.js';

const refuse = (why: string) => new AppError('UNDO_NOT_POSSIBLE', `This transfer cannot be undone: ${why}`);

/** A transfer with both of its enrollments, locked until the transaction ends. */
interface LockedTransfer {
  transfer: TransferRow;
  oldSubscription: SubscriptionRow;
  newSubscription: SubscriptionRow;
}

/**
 * Undoes a transfer while nothing depends on it: the new subscription and its invoices are
 * voided (kept in history), the old subscription gets back exactly the end it had, and the
 * invoices the transfer voided are open again. One transaction.
 */
export async function undoTransfer(
  db: Database,
  organization: OrganizationContext,
  actor: Actor,
  transferId: string,
): Promise<UndoTransferResultDto> {
  return db.transaction(async (tx) => {
    const locked = await lockTransfer(tx, organization, transferId);
    const { newInvoices, billedSince } = await assertNothingDependsOn(tx, organization, locked);
    await assertOldSeatsStillFree(tx, organization, locked);
    const ledger = { organizationId: organization.id, actorUserId: actor.userId, today: organization.today };
    const voidedInvoiceIds = await voidNewInvoices(tx, ledger, newInvoices);
    await voidBilledSince(tx, ledger, billedSince);
    const reopenedInvoiceIds = await reopenVoidedInvoices(tx, ledger, locked.transfer);
    await takeBackAccountCredit(tx, ledger, locked.transfer);
    const { restored, cancelled, undone } = await restoreEnrollments(tx, organization.id, locked);
    const result = {
      transfer: toTransferDto(undone),
      oldSubscription: toSubscriptionDto(restored),
      newSubscription: toSubscriptionDto(cancelled),
      voidedInvoiceIds,
      reopenedInvoiceIds,
    };
    await auditRepository.record(tx, {
      organizationId: organization.id,
      actor,
      action: 'transfer.undone',
      entityType: 'transfer',
      entityId: locked.transfer.id,
      clientId: locked.transfer.clientId,
      before: {
        transfer: toTransferDto(locked.transfer),
        oldSubscription: toSubscriptionDto(locked.oldSubscription),
        newSubscription: toSubscriptionDto(locked.newSubscription),
      },
      after: result,
    });
    const { transfer } = locked;
    const notices = await transferUndoneNotices(tx, organization, {
      transferId: transfer.id,
      fromSubscriptionId: transfer.fromSubscriptionId,
      toSubscriptionId: transfer.toSubscriptionId,
      oldEndsOn: Temporal.PlainDate.from(transfer.oldEndsOn),
      firstDate: Temporal.PlainDate.from(transfer.firstSessionDate),
    });
    await tell(tx, organization, notices);
    // The undone transfer's enrollment is cancelled: a request the family sent about it can no longer be approved.
    await refuseWaitingRequestOf(tx, organization, actor, transfer.toSubscriptionId);
    return result;
  });
}

async function lockTransfer(tx: Database, organization: OrganizationContext, transferId: string): Promise<LockedTransfer> {
  const transfer = await transferRepository.findByIdForUpdate(tx, organization.id, transferId);
  if (!transfer) throw new AppError('NOT_FOUND', 'No transfer has this id in your organization.');
  const oldSubscription = (await subscriptionRepository.findByIdForUpdate(tx, organization.id, transfer.fromSubscriptionId))!;
  const newSubscription = (await subscriptionRepository.findByIdForUpdate(tx, organization.id, transfer.toSubscriptionId))!;
  return { transfer, oldSubscription, newSubscription };
}

/**
 * Refuses unless both enrollments are as the transfer left them and nothing depends on the
 * new one (DESIGN.md "Chains of transfers"). Returns the new enrollment's invoices, locked
 * before payments are looked at, so a payment recorded at this moment waits and then finds
 * the invoice void.
 */
async function assertNothingDependsOn(tx: Database, organization: OrganizationContext, locked: LockedTransfer) {
  const { facts, newInvoices, billedSince } = await undoFactsOf(tx, organization, locked, { lock: true });
  assertUndoable(facts);
  return { newInvoices, billedSince };
}

/**
 * What decides whether a transfer can be undone: both enrollments as they are now, a later
 * transfer of the new one, money and attendance on it, and the account credit it gave. With
 * `lock` (the undo itself), the new enrollment's invoices and the family's row are locked.
 */
async function undoFactsOf(db: Database, organization: OrganizationContext, current: LockedTransfer, o: { lock: boolean }) {
  const { transfer, oldSubscription, newSubscription } = current;
  const newInvoices = o.lock
    ? await invoiceRepository.listForSubscriptionsForUpdate(db, organization.id, [newSubscription.id])
    : await invoiceRepository.listForSubscriptions(db, organization.id, [newSubscription.id]);
  // Money on the new enrollment's invoices: payments less refunds, and account credit applied.
  const money = await loadInvoices(db, organization.id, newInvoices);
  const laterTransfer = await transferRepository.findCompletedFrom(db, organization.id, newSubscription.id);
  const attended = await attendanceRepository.datesRecordedFor(db, organization.id, newSubscription.id);
  const familyId = newInvoices[0]?.familyId ?? (await invoiceRepository.findById(db, organization.id, transfer.invoiceId!))?.familyId;
  // The family's row is locked, as applying account credit locks it, so the credit checked stays put.
  const held = transfer.accountCredit > 0 && familyId ? await heldCredit(db, organization.id, familyId, o) : 0;
  const billedSince = await billedSinceOf(db, organization.id, current, o);
  const names = await sessionRepository.namesByIds(db, organization.id, [oldSubscription.sessionId, newSubscription.sessionId]);
  const state = (s: SubscriptionRow) => ({
    sessionName: names.get(s.sessionId) ?? '',
    status: s.status,
    startsOn: Temporal.PlainDate.from(s.startsOn),
    endsOn: s.endsOn ? Temporal.PlainDate.from(s.endsOn) : null,
  });
  const facts: Parameters<typeof assertUndoable>[0] = {
    transfer: { status: transfer.status, oldEndsOn: Temporal.PlainDate.from(transfer.oldEndsOn) },
    oldEnrollment: state(oldSubscription),
    newEnrollment: state(newSubscription),
    laterTransfer: laterTransfer ? { transferDate: Temporal.PlainDate.from(laterTransfer.transferDate) } : null,
    paidOnNew: money.reduce((sum, i) => sum + i.paid, 0),
    creditedOnNew: money.reduce((sum, i) => sum + i.credited, 0),
    attendedOnNew: attended.map((d) => Temporal.PlainDate.from(d)),
    accountCredit: { given: transfer.accountCredit, held },
    billedSince: billedSince.map((i) => ({ periodStart: Temporal.PlainDate.from(i.periodStart!), paid: i.paid, credited: i.credited })),
    money: { currency: organization.currency, locale: organization.locale },
  };
  return { facts, newInvoices, billedSince };
}

/**
 * The old enrollment's live invoices for the periods whose invoice the transfer voided, issued
 * since (the run bills the dates the enrollment still attended in such a period, when the voided
 * invoice was due after the end): reopening the voided one beside them would bill the period
 * twice. With `lock`, the old enrollment's invoices are locked, so a payment waits.
 */
async function billedSinceOf(db: Database, organizationId: string, current: LockedTransfer, o: { lock: boolean }) {
  const { transfer, oldSubscription } = current;
  if (transfer.voidedInvoiceIds.length === 0) return [];
  const list = o.lock ? invoiceRepository.listForSubscriptionsForUpdate : invoiceRepository.listForSubscriptions;
  const rows = await list(db, organizationId, [oldSubscription.id]);
  const voidedPeriods = new Set(
    rows.filter((i) => transfer.voidedInvoiceIds.includes(i.id) && i.status === 'void' && i.periodStart !== null).map((i) => i.periodStart),
  );
  const since = rows.filter((i) => i.status !== 'void' && !transfer.voidedInvoiceIds.includes(i.id) && voidedPeriods.has(i.periodStart));
  return loadInvoices(db, organizationId, since);
}

/** The invoices the run issued since for the voided periods become void (nothing was paid on them: checked), each with its ledger entry. */
async function voidBilledSince(tx: Database, ledger: LedgerContext, billedSince: readonly InvoiceDto[]) {
  for (const invoice of billedSince) {
    await invoiceRepository.update(tx, ledger.organizationId, invoice.id, { status: 'void', statusBeforeVoid: invoice.status });
  }
  await recordInLedger(
    tx,
    ledger,
    billedSince.map((invoice) => ({
      familyId: invoice.familyId,
      invoiceId: invoice.id,
      kind: 'void' as const,
      amount: -invoice.amountDue,
      description: 'Invoice voided: transfer undone, the invoice it replaced is open again',
    })),
  );
}

/**
 * Whether this person could undo the transfer now, and if not what it needs, for the profile's
 * Undo button: shown to everyone, saying "a manager can undo it" or "refund the $2.00 first".
 */
export async function undoStatusOf(db: Database, organization: OrganizationContext, actor: Actor, transfer: TransferRow) {
  if (transfer.status === 'undone') return { possible: false, why: 'It was undone.' };
  const oldSubscription = (await subscriptionRepository.findById(db, organization.id, transfer.fromSubscriptionId))!;
  const newSubscription = (await subscriptionRepository.findById(db, organization.id, transfer.toSubscriptionId))!;
  const { facts } = await undoFactsOf(db, organization, { transfer, oldSubscription, newSubscription }, { lock: false });
  try {
    assertUndoable(facts);
  } catch (error) {
    if (error instanceof AppError) return { possible: false, why: error.message };
    throw error;
  }
  if (!can(actor.role, 'transfers.undo')) return { possible: false, why: 'A manager can undo this transfer.' };
  return { possible: true, why: null };
}

async function heldCredit(db: Database, organizationId: string, familyId: string, o: { lock: boolean }) {
  if (o.lock) await familyRepository.findByIdForUpdate(db, organizationId, familyId);
  return accountCreditRepository.heldByFamily(db, organizationId, familyId);
}

/** Restoring the old dates takes their seats back; someone may have taken them since. */
async function assertOldSeatsStillFree(tx: Database, organization: OrganizationContext, locked: LockedTransfer) {
  const { transfer, oldSubscription } = locked;
  const oldSession = (await sessionRepository.findByIdForUpdate(tx, organization.id, oldSubscription.sessionId))!;
  const schedule = (await loadSessionSchedules(tx, organization, [oldSession])).get(oldSession.id)!;
  const restoredFrom = oldSubscription.status === 'void' ? oldSubscription.startsOn : oldSubscription.endsOn!;
  try {
    await assertSeatAvailable(tx, {
      organizationId: organization.id,
      locale: organization.locale,
      session: oldSession,
      schedule,
      clientId: oldSubscription.clientId,
      period: {
        startsOn: Temporal.PlainDate.from(restoredFrom),
        endsOn: transfer.previousEndsOn ? Temporal.PlainDate.from(transfer.previousEndsOn) : null,
      },
    });
  } catch (error) {
    if (error instanceof AppError) throw refuse(`${oldSession.name}: ${error.message}`);
    throw error;
  }
}

/**
 * The new enrollment's open and closed invoices become void, each keeping the status it had,
 * and the ledger takes back what each still asked for.
 */
async function voidNewInvoices(tx: Database, ledger: LedgerContext, newInvoices: readonly InvoiceRow[]): Promise<string[]> {
  const { organizationId } = ledger;
  const live = newInvoices.filter((i) => i.status !== 'void');
  const [before] = [await loadInvoices(tx, organizationId, live)];
  const subscriptionId = newInvoices[0]?.subscriptionId;
  const voidedOpen = subscriptionId ? await invoiceRepository.voidOpenDueOnOrAfter(tx, organizationId, subscriptionId, '1900-01-01') : [];
  const closed = newInvoices.filter((i) => i.status === 'closed' || i.status === 'paid');
  for (const invoice of closed) {
    await invoiceRepository.update(tx, organizationId, invoice.id, { status: 'void', statusBeforeVoid: invoice.status });
  }
  const voided = [...voidedOpen.map((i) => i.id), ...closed.map((i) => i.id)];
  await recordInLedger(
    tx,
    ledger,
    before
      .filter((invoice) => voided.includes(invoice.id))
      .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))
      .map((invoice) => ({ familyId: invoice.familyId, invoiceId: invoice.id, kind: 'void' as const, amount: -invoice.amountDue, description: 'Invoice voided: transfer undone' })),
  );
  return voided;
}

/** The invoices the transfer voided get back the status they had, and the ledger what they ask for again. */
async function reopenVoidedInvoices(tx: Database, ledger: LedgerContext, transfer: TransferRow): Promise<string[]> {
  const { organizationId } = ledger;
  const reopened: InvoiceRow[] = [];
  for (const id of transfer.voidedInvoiceIds) {
    const invoice = await invoiceRepository.findById(tx, organizationId, id);
    if (invoice?.status !== 'void') continue;
    reopened.push((await invoiceRepository.update(tx, organizationId, id, { status: invoice.statusBeforeVoid ?? 'open', statusBeforeVoid: null }))!);
  }
  const after = await loadInvoices(tx, organizationId, reopened);
  await recordInLedger(
    tx,
    ledger,
    after.map((invoice) => ({ familyId: invoice.familyId, invoiceId: invoice.id, kind: 'reopen' as const, amount: invoice.amountDue, description: 'Invoice reopened: transfer undone' })),
  );
  return reopened.map((i) => i.id);
}

/** The account credit the transfer gave the family goes back (assertNothingDependsOn checked the family still holds it). */
async function takeBackAccountCredit(tx: Database, ledger: LedgerContext, transfer: TransferRow) {
  if (transfer.accountCredit <= 0) return;
  const invoice = await invoiceRepository.findById(tx, ledger.organizationId, transfer.invoiceId!);
  const familyId = invoice!.familyId;
  await accountCreditRepository.insert(tx, ledger.organizationId, {
    familyId,
    invoiceId: null,
    amount: -transfer.accountCredit,
    reason: 'Transfer undone',
    actorUserId: ledger.actorUserId,
  });
  await recordInLedger(tx, ledger, [{ familyId, kind: 'account_credit', amount: transfer.accountCredit, description: 'Account credit taken back: transfer undone' }]);
}

/** The new enrollment is cancelled, the old one active again with exactly the end it had, the transfer undone. */
async function restoreEnrollments(tx: Database, organizationId: string, locked: LockedTransfer) {
  const { transfer, oldSubscription, newSubscription } = locked;
  const cancelled = (await subscriptionRepository.update(tx, organizationId, newSubscription.id, { status: 'void' }))!;
  const restored = (await subscriptionRepository.update(tx, organizationId, oldSubscription.id, {
    status: 'active',
    endsOn: transfer.previousEndsOn,
  }))!;
  const undone = (await transferRepository.update(tx, organizationId, transfer.id, { status: 'undone', undoneAt: new Date() }))!;
  return { restored, cancelled, undone };
}
