import { describe, expect, it } from 'vitest';
import { amountDue, familyBalance } from './balance';

describe('family balance', () => {
  it('is invoiced minus paid minus written off, ignoring void invoices (E1 with pay later: $2.00 due)', () => {
    const invoices = [
      { status: 'paid', total: 8000, paid: 8000, writtenOff: 0 },
      { status: 'void', total: 8000, paid: 0, writtenOff: 0 },
      { status: 'open', total: 200, paid: 0, writtenOff: 0 },
    ] as const;
    expect(familyBalance(invoices)).toBe(200);
  });

  it('counts a partial payment (E4: $50.00 invoice, $20.00 paid leaves $30.00)', () => {
    expect(amountDue({ status: 'open', total: 5000, paid: 2000, writtenOff: 0 })).toBe(3000);
  });

  it('is zero once the remainder is written off (E1 close now)', () => {
    expect(familyBalance([{ status: 'closed', total: 200, paid: 0, writtenOff: 200 }])).toBe(0);
  });
});
