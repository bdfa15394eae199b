import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { invoiceIssuedLetter, transferDoneLetter, writeMessage } from './messages.js';

const riverside = { organizationName: 'Riverside Swim School', money: { currency: 'USD', locale: 'en-US' } };
const date = Temporal.PlainDate.from;

describe('the letters families receive', () => {
  it('E1: a transfer names both sessions, the last and first dates and what is due, as the screens write them', () => {
    const letter = transferDoneLetter(riverside, {
      clientName: 'Maya Patel',
      from: { sessionName: 'Beginners Tue', lastDate: date('2027-03-09') },
      to: { sessionName: 'Intermediate Thu', time: 'Thu 17:00', firstDate: date('2027-03-18') },
      invoice: { total: 200, amountDue: 200, dueOn: '2027-03-25' },
    });
    expect(letter.subject).toBe('Maya Patel moves to Intermediate Thu from Thu, Mar 18, 2027');
    expect(letter.paragraphs).toEqual([
      'Maya Patel moves from Beginners Tue to Intermediate Thu (Thu 17:00).',
      'The last Beginners Tue date is Tue, Mar 9, 2027; the first Intermediate Thu date is Thu, Mar 18, 2027.',
      'The new invoice is $2.00; $2.00 is due by Thu, Mar 25, 2027.',
    ]);
  });

  it('writes a plain-text part and an HTML part, escaped, with the unsubscribe link for a kind that can be turned off', () => {
    const letter = invoiceIssuedLetter(riverside, { clientName: 'Zoë <b>', lines: [{ description: 'Intermediate Thu — April 2027', amount: 10_000 }], total: 10_000, dueOn: '2027-04-01' });
    const message = writeMessage(riverside, letter, { unsubscribeUrl: 'https://app.example/unsubscribe/t1', kindName: 'billing' });
    expect(message.subject).toBe('Invoice of $100.00 for Zoë <b>, due Thu, Apr 1, 2027');
    expect(message.text).toContain('Intermediate Thu — April 2027: $100.00');
    expect(message.text).toContain('To stop billing emails from Riverside Swim School, open https://app.example/unsubscribe/t1');
    expect(message.html).toContain('Zoë &lt;b&gt;');
    expect(message.html).not.toContain('<b>');
    expect(message.html).toContain('href="https://app.example/unsubscribe/t1"');
    expect(message.html).not.toMatch(/<script|<img/);
    const account = writeMessage(riverside, letter, { unsubscribeUrl: null, kindName: 'account' });
    expect(account.text).not.toContain('unsubscribe');
  });

  it('writes dates and money as the organization does: en-GB and GBP', () => {
    const lakeside = { organizationName: 'Lakeside Gymnastics', money: { currency: 'GBP', locale: 'en-GB' } };
    const letter = invoiceIssuedLetter(lakeside, { clientName: null, lines: [], total: 4_500, dueOn: '2027-04-01' });
    expect(letter.subject).toBe('Invoice of £45.00, due Thu, 1 Apr 2027');
  });
});
