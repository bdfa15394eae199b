import { Temporal } from 'temporal-polyfill';
import { formatMoney } from '../billing/money.js';
import type { MoneyDisplay } from '../billing/value-sets.js';
import { AppError } from '../errors.js';
import { formatPlainDate, writeDate, writeDates } from '../formatting/intl-formats.js';

/** An enrollment as the undo checks it. */
export interface EnrollmentState {
  sessionName: string;
  status: 'active' | 'void';
  startsOn: Temporal.PlainDate;
  endsOn: Temporal.PlainDate | null;
}

const refuse = (why: string) => new AppError('UNDO_NOT_POSSIBLE', `This transfer cannot be undone: ${why}`);

/**
 * DESIGN.md "Chains of transfers": a transfer can be undone only while both of its
 * enrollments are exactly as it left them and nothing depends on the new one. Each refusal
 * says which later change stands in the way and what to do first.
 */
export function assertUndoable(o: {
  transfer: { status: 'completed' | 'undone'; oldEndsOn: Temporal.PlainDate };
  oldEnrollment: EnrollmentState;
  newEnrollment: EnrollmentState;
  /** The standing transfer that has since moved the client out of the new enrollment. */
  laterTransfer: { transferDate: Temporal.PlainDate } | null;
  /** Money received on the new enrollment's invoices (refunds already deducted). */
  paidOnNew: number;
  /** Account credit applied to the new enrollment's invoices. */
  creditedOnNew?: number;
  /** Dates with attendance recorded on the new enrollment. */
  attendedOnNew: readonly Temporal.PlainDate[];
  /** Account credit the transfer gave the family, and what the family holds now: the undo takes it back. */
  accountCredit?: { given: number; held: number };
  /**
   * The old enrollment's invoices the run issued since for periods whose invoice the transfer
   * voided (the dates it still attended then): the undo voids them to reopen the originals, so
   * money on one stands in the way.
   */
  billedSince?: readonly { periodStart: Temporal.PlainDate; paid: number; credited: number }[];
  money: MoneyDisplay;
}): void {
  const { oldEnrollment: before, newEnrollment: after, money } = o;
  const date = (d: Temporal.PlainDate) => writeDate(d, money.locale);
  if (o.transfer.status === 'undone') throw refuse('it was already undone.');
  if (o.laterTransfer) {
    throw refuse(
      `the client's ${after.sessionName} enrollment was transferred again on ${date(o.laterTransfer.transferDate)}; undo that transfer first.`,
    );
  }
  if (after.status === 'void') throw refuse(`the new ${after.sessionName} enrollment was cancelled since. Enroll the client again instead.`);
  if (after.endsOn) {
    throw refuse(`the new ${after.sessionName} enrollment was ended on ${date(after.endsOn)} since. Transfer the client back instead.`);
  }
  if (!leftAsTheTransferLeftIt(before, o.transfer.oldEndsOn)) {
    throw refuse(`the old ${before.sessionName} enrollment was changed since the transfer. Transfer the client back instead.`);
  }
  if (o.accountCredit && o.accountCredit.given > o.accountCredit.held) {
    throw refuse(
      `the ${formatMoney({ amount: o.accountCredit.given, ...money })} of account credit it gave the family was applied to an invoice since ` +
        `(the family holds ${formatMoney({ amount: o.accountCredit.held, ...money })}). Add that much account credit back first, then undo.`,
    );
  }
  if (o.paidOnNew > 0) {
    throw refuse(
      `${formatMoney({ amount: o.paidOnNew, ...money })} was paid on the new ${after.sessionName} enrollment. ` +
        'Refund the payment first, then undo.',
    );
  }
  if ((o.creditedOnNew ?? 0) > 0) {
    throw refuse(
      `${formatMoney({ amount: o.creditedOnNew!, ...money })} of account credit was applied to the new ${after.sessionName} enrollment. ` +
        'Write off the rest instead, or transfer the client back.',
    );
  }
  for (const since of o.billedSince ?? []) {
    const invoice = `the ${before.sessionName} invoice for ${formatPlainDate(since.periodStart, money.locale, { month: 'long', year: 'numeric' })} issued since the transfer`;
    if (since.paid > 0) throw refuse(`${invoice} has ${formatMoney({ amount: since.paid, ...money })} paid on it. Refund it first, then undo.`);
    if (since.credited > 0) {
      throw refuse(
        `${invoice} has ${formatMoney({ amount: since.credited, ...money })} of account credit applied. Write off the rest instead, or transfer the client back.`,
      );
    }
  }
  if (o.attendedOnNew.length > 0) {
    throw refuse(
      `attendance is recorded in ${after.sessionName} on ${writeDates(o.attendedOnNew, money.locale)}. Transfer the client back instead.`,
    );
  }
}

/** The transfer ended the old enrollment on `oldEndsOn`, or cancelled it when that was its first date. */
function leftAsTheTransferLeftIt(before: EnrollmentState, oldEndsOn: Temporal.PlainDate): boolean {
  if (oldEndsOn.equals(before.startsOn)) return before.status === 'void';
  return before.status === 'active' && before.endsOn !== null && before.endsOn.equals(oldEndsOn);
}
