import { describe, expect, it } from 'vitest';
import { permissionsOf, type Role } from '../../../domain/access/permissions';
import type { InvoiceDto } from '../../api/types';
import { invoiceOptions, invoicePeriod, invoiceStanding, invoiceTitle, isOverdue } from './invoice-state';

function invoice(changes: Partial<InvoiceDto> = {}): InvoiceDto {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    familyId: '00000000-0000-4000-8000-000000000002',
    subscriptionId: null,
    clientName: null,
    status: 'open',
    issuedOn: '2027-02-22',
    dueOn: '2027-03-01',
    periodStart: '2027-03-01',
    periodEnd: '2027-04-01',
    subtotal: 5000,
    discountTotal: 0,
    total: 5000,
    paid: 0,
    credited: 0,
    writtenOff: 0,
    amountDue: 5000,
    lines: [],
    discounts: [],
    payments: [],
    refunds: [],
    creditsApplied: [],
    writeOffs: [],
    ...changes,
  };
}

const payment = { id: '00000000-0000-4000-8000-000000000003', method: 'check' as const, reference: '1042', receivedAt: '2027-03-02T15:00:00Z' };
const money = (amount: number) => `$${(amount / 100).toFixed(2)}`;
const options = (role: Role, value: InvoiceDto, accountCredit = 0) =>
  invoiceOptions({ invoice: value, accountCredit, money, can: (p) => permissionsOf(role).includes(p) });

describe('invoiceStanding', () => {
  it('says "partly paid" for an open invoice with money received (E4), not just open', () => {
    expect(invoiceStanding(invoice({ paid: 2000, amountDue: 3000 }))).toBe('partly_paid');
    expect(invoiceStanding(invoice({ credited: 4800, amountDue: 200 }))).toBe('partly_paid');
    expect(invoiceStanding(invoice())).toBe('open');
    expect(invoiceStanding(invoice({ status: 'paid', paid: 5000, amountDue: 0 }))).toBe('paid');
  });

  it('is overdue when open with something due after its due date', () => {
    expect(isOverdue(invoice(), '2027-03-02')).toBe(true);
    expect(isOverdue(invoice(), '2027-03-01')).toBe(false);
    expect(isOverdue(invoice({ status: 'paid', amountDue: 0 }), '2027-04-01')).toBe(false);
  });
});

describe('invoiceOptions', () => {
  it('offers the front desk payment, credit and discount on an open invoice; write-off, void and refund are not theirs', () => {
    expect(options('front_desk', invoice(), 4800)).toEqual({ offered: ['pay', 'applyCredit', 'discount'], notes: [] });
    expect(options('front_desk', invoice()).offered).toEqual(['pay', 'discount']);
  });

  it('offers a manager every action the invoice allows', () => {
    expect(options('manager', invoice()).offered).toEqual(['pay', 'discount', 'writeOff', 'void']);
  });

  it('says "paid in full" instead of offering a payment, and still offers a manager the refund', () => {
    const paid = invoice({ status: 'paid', paid: 5000, amountDue: 0, payments: [{ ...payment, amount: 5000, refunded: 0 }] });
    expect(options('front_desk', paid)).toEqual({ offered: [], notes: ['Paid in full: nothing is due.'] });
    expect(options('manager', paid)).toEqual({ offered: ['refund'], notes: ['Paid in full: nothing is due.'] });
  });

  it('after a payment, says why there is no discount and no void', () => {
    const partly = invoice({ paid: 2000, amountDue: 3000, payments: [{ ...payment, amount: 2000, refunded: 0 }] });
    expect(options('manager', partly)).toEqual({
      offered: ['pay', 'writeOff', 'refund'],
      notes: ['A discount can be added only before any payment, credit or write-off.', 'Cannot be voided: $20.00 was received on it. Refund it first, or write off the rest.'],
    });
  });

  it('offers no discount once account credit is applied', () => {
    expect(options('front_desk', invoice({ credited: 4800, amountDue: 200 }), 100)).toEqual({
      offered: ['pay', 'applyCredit'],
      notes: ['A discount can be added only before any payment, credit or write-off.'],
    });
  });

  it('offers no refund of a payment refunded in full', () => {
    const refunded = invoice({ payments: [{ ...payment, amount: 2000, refunded: 2000 }] });
    expect(options('manager', refunded).offered).not.toContain('refund');
  });

  it('names closed and void invoices for what they are, and offers an instructor nothing', () => {
    expect(options('manager', invoice({ status: 'closed', writtenOff: 5000, amountDue: 0 })).notes).toEqual([
      'Closed: nothing is due ($50.00 written off).',
    ]);
    expect(options('front_desk', invoice({ status: 'void', amountDue: 0 })).notes).toEqual(['Void: kept for history; it asks for nothing.']);
    expect(options('instructor', invoice())).toEqual({ offered: [], notes: [] });
  });
});

describe('invoiceTitle', () => {
  const line = { periodStart: null, periodEnd: null, quantityNumerator: 1, quantityDenominator: 1, unitAmount: 100, amount: 100 };
  it('is the first line, and says how many more there are', () => {
    expect(invoiceTitle({ lines: [] })).toBe('Invoice');
    expect(invoiceTitle({ lines: [{ ...line, description: 'Intermediate Thu — March 2027' }] })).toBe('Intermediate Thu — March 2027');
    expect(invoiceTitle({ lines: [{ ...line, description: 'A' }, { ...line, description: 'B' }] })).toBe('A and 1 more');
  });
});

describe('invoicePeriod', () => {
  const line = { description: 'x', quantityNumerator: 1, quantityDenominator: 1, unitAmount: 100, amount: 100 };
  it('is the invoice’s own period, or else the span of its lines', () => {
    expect(invoicePeriod(invoice())).toEqual({ start: '2027-03-01', end: '2027-04-01' });
    const lines = [
      { ...line, periodStart: '2027-04-01', periodEnd: '2027-05-01' },
      { ...line, periodStart: '2027-03-18', periodEnd: '2027-04-01' },
    ];
    expect(invoicePeriod(invoice({ periodStart: null, periodEnd: null, lines }))).toEqual({ start: '2027-03-18', end: '2027-05-01' });
    expect(invoicePeriod(invoice({ periodStart: null, periodEnd: null, lines: [{ ...line, periodStart: null, periodEnd: null }] }))).toBeNull();
  });
});
