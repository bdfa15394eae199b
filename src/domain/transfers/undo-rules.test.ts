import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { caughtAppError } from '../testing/caught-app-error.js';
import { assertUndoable, type EnrollmentState } from './undo-rules.js';

const date = Temporal.PlainDate.from;
const usd = { currency: 'USD', locale: 'en-US' };

/** E1 as the transfer left it: Beginners Tue ends on 2027-03-16, Intermediate Thu runs from 2027-03-18. */
function e1(overrides: Partial<Parameters<typeof assertUndoable>[0]> = {}): Parameters<typeof assertUndoable>[0] {
  const oldEnrollment: EnrollmentState = { sessionName: 'Beginners Tue', status: 'active', startsOn: date('2027-01-05'), endsOn: date('2027-03-16') };
  const newEnrollment: EnrollmentState = { sessionName: 'Intermediate Thu', status: 'active', startsOn: date('2027-03-18'), endsOn: null };
  return {
    transfer: { status: 'completed', oldEndsOn: date('2027-03-16') },
    oldEnrollment,
    newEnrollment,
    laterTransfer: null,
    paidOnNew: 0,
    attendedOnNew: [],
    money: usd,
    ...overrides,
  };
}
const why = (o: Parameters<typeof assertUndoable>[0]) => caughtAppError(() => assertUndoable(o)).message;

describe('assertUndoable', () => {
  it('allows the undo while both enrollments are as the transfer left them', () => {
    expect(() => assertUndoable(e1())).not.toThrow();
    // A transfer from the first date cancelled the old enrollment; that is how it left it.
    const cancelled = { ...e1().oldEnrollment, status: 'void' as const, endsOn: null };
    expect(() => assertUndoable(e1({ transfer: { status: 'completed', oldEndsOn: date('2027-01-05') }, oldEnrollment: cancelled }))).not.toThrow();
  });

  it('E12: refuses while the new enrollment was transferred again, naming that date', () => {
    const error = caughtAppError(() => assertUndoable(e1({ laterTransfer: { transferDate: date('2027-03-25') } })));
    expect(error.code).toBe('UNDO_NOT_POSSIBLE');
    expect(error.message).toBe(
      "This transfer cannot be undone: the client's Intermediate Thu enrollment was transferred again on Thu, Mar 25, 2027; undo that transfer first.",
    );
  });

  it('refuses once the new enrollment was ended or cancelled since', () => {
    expect(why(e1({ newEnrollment: { ...e1().newEnrollment, endsOn: date('2027-04-01') } }))).toContain('was ended on Thu, Apr 1, 2027 since');
    expect(why(e1({ newEnrollment: { ...e1().newEnrollment, status: 'void' } }))).toContain('was cancelled since');
  });

  it('refuses once the old enrollment is no longer as the transfer left it', () => {
    expect(why(e1({ oldEnrollment: { ...e1().oldEnrollment, endsOn: date('2027-03-09') } }))).toContain('the old Beginners Tue enrollment was changed');
    expect(why(e1({ oldEnrollment: { ...e1().oldEnrollment, status: 'void' } }))).toContain('was changed');
  });

  it('E9: refuses after a payment on the new enrollment, saying how much and to refund it first', () => {
    expect(why(e1({ paidOnNew: 200 }))).toBe(
      'This transfer cannot be undone: $2.00 was paid on the new Intermediate Thu enrollment. Refund the payment first, then undo.',
    );
  });

  it('E6: refuses after attendance on the new enrollment, naming the dates', () => {
    expect(why(e1({ attendedOnNew: [date('2027-03-18')] }))).toContain('attendance is recorded in Intermediate Thu on Thu, Mar 18, 2027');
  });

  it('refuses an undone transfer', () => {
    expect(why(e1({ transfer: { status: 'undone', oldEndsOn: date('2027-03-16') } }))).toBe('This transfer cannot be undone: it was already undone.');
  });
});
