import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountDue, familyBalance, type InvoiceAmounts } from './balance.js';

/** One step a front desk can take on a family's account. `share` picks an amount up to what is due. */
type Step =
  | { kind: 'issue'; total: number }
  | { kind: 'pay'; invoice: number; share: number }
  | { kind: 'write_off'; invoice: number; share: number }
  | { kind: 'void'; invoice: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('issue' as const), total: fc.integer({ min: 0, max: 1_000_000 }) }),
  fc.record({ kind: fc.constant('pay' as const), invoice: fc.nat(), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('write_off' as const), invoice: fc.nat(), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('void' as const), invoice: fc.nat() }),
);

interface Ledger {
  invoices: InvoiceAmounts[];
  /** Every payment and write-off, by invoice index, as a separate record of money moving. */
  payments: { invoice: number; amount: number }[];
  writeOffs: { invoice: number; amount: number }[];
}

/** Plays the steps by the invoice rules: pay or write off at most what is due, void only unpaid open invoices. */
function play(steps: readonly Step[]): Ledger {
  const ledger: Ledger = { invoices: [], payments: [], writeOffs: [] };
  for (const s of steps) {
    if (s.kind === 'issue') {
      ledger.invoices.push({ status: s.total === 0 ? 'paid' : 'open', total: s.total, paid: 0, writtenOff: 0 });
      continue;
    }
    if (ledger.invoices.length === 0) continue;
    const index = s.invoice % ledger.invoices.length;
    const invoice = ledger.invoices[index]!;
    if (invoice.status !== 'open') continue;
    const due = amountDue(invoice);
    if (s.kind === 'void') {
      if (invoice.paid === 0) invoice.status = 'void';
      continue;
    }
    const amount = Math.max(1, Math.round(due * s.share));
    if (due === 0 || amount > due) continue;
    if (s.kind === 'pay') {
      invoice.paid += amount;
      ledger.payments.push({ invoice: index, amount });
      if (amount === due) invoice.status = 'paid';
    } else {
      invoice.writtenOff += amount;
      ledger.writeOffs.push({ invoice: index, amount });
      if (amount === due) invoice.status = 'closed';
    }
  }
  return ledger;
}

const sum = (amounts: readonly number[]) => amounts.reduce((a, b) => a + b, 0);

describe('family balance (properties)', () => {
  it('is invoiced − paid − written off over the invoices that are not void, and never negative', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const { invoices, payments, writeOffs } = play(steps);
        const counted = (index: number) => invoices[index]!.status !== 'void';
        const invoiced = sum(invoices.filter((i) => i.status !== 'void').map((i) => i.total));
        const paid = sum(payments.filter((p) => counted(p.invoice)).map((p) => p.amount));
        const writtenOff = sum(writeOffs.filter((w) => counted(w.invoice)).map((w) => w.amount));
        expect(familyBalance(invoices)).toBe(invoiced - paid - writtenOff);
        expect(familyBalance(invoices)).toBeGreaterThanOrEqual(0);
        for (const invoice of invoices) {
          expect(amountDue(invoice)).toBeGreaterThanOrEqual(0);
          // Nothing is due exactly when the invoice is settled one way or another.
          if (invoice.status === 'paid' || invoice.status === 'closed' || invoice.status === 'void') {
            expect(amountDue(invoice)).toBe(0);
          }
        }
      }),
    );
  });

  it('never depends on void invoices, whatever their amounts, nor on the order of invoices', () => {
    const voidInvoice = fc.record({
      status: fc.constant('void' as const),
      total: fc.integer({ min: 0, max: 1_000_000 }),
      paid: fc.integer({ min: 0, max: 1_000_000 }),
      writtenOff: fc.integer({ min: 0, max: 1_000_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 40 }),
        fc.array(voidInvoice, { maxLength: 5 }),
        fc.array(fc.nat()),
        (steps, voided, shuffle) => {
          const { invoices } = play(steps);
          const balance = familyBalance(invoices);
          const mixed: InvoiceAmounts[] = [...invoices];
          for (const [n, invoice] of voided.entries()) mixed.splice((shuffle[n] ?? 0) % (mixed.length + 1), 0, invoice);
          expect(familyBalance(mixed)).toBe(balance);
          expect(familyBalance([...mixed].reverse())).toBe(balance);
          expect(familyBalance(mixed.filter((i) => i.status !== 'void'))).toBe(balance);
        },
      ),
    );
  });
});
