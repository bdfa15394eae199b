import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { caughtAppError } from '../testing/caught-app-error.js';
import { assertFutureFirstDate, assertMovableByRequest, autoApproval, enrollmentChange, forParent, requestTransferDate, type RequestedEnrollment } from './transfer-requests.js';
import { beginnersTue, cancelled, date } from './testing/riverside.js';

const maya: RequestedEnrollment = {
  childName: 'Maya Patel',
  sessionName: 'Beginners Tue',
  schedule: beginnersTue.schedule,
  period: { startsOn: date('2027-01-05'), endsOn: null },
  status: 'active',
  endedByTransfer: false,
};
const locale = 'en-US';

describe('which enrollment a guardian may ask to move', () => {
  it('a live, ongoing enrollment', () => {
    expect(() => assertMovableByRequest(maya, { today: date('2027-03-14'), locale })).not.toThrow();
  });

  it.each([
    [{ endedByTransfer: true }, /already moved to another session/],
    [{ status: 'void' as const }, /was cancelled/],
    [{ period: { startsOn: date('2027-01-05'), endsOn: date('2027-04-06') } }, /ends on Tue, Apr 6, 2027.*ask the school/],
  ])('not %o', (change, message) => {
    const error = caughtAppError(() => assertMovableByRequest({ ...maya, ...change }, { today: date('2027-03-14'), locale }));
    expect(error.code).toBe('REQUEST_NOT_POSSIBLE');
    expect(error.message).toMatch(message);
    expect(error.message).toContain("Maya Patel's enrollment in Beginners Tue");
  });
});

describe('the first date a guardian picks', () => {
  it('is after today: today and earlier are refused (guardians never back-date)', () => {
    expect(() => assertFutureFirstDate({ firstSessionDate: date('2027-03-15'), today: date('2027-03-14'), locale })).not.toThrow();
    for (const day of ['2027-03-14', '2027-03-11']) {
      const error = caughtAppError(() => assertFutureFirstDate({ firstSessionDate: date(day), today: date('2027-03-14'), locale }));
      expect(error.code).toBe('INVALID_DATE_RANGE');
      expect(error.message).toBe('The first date must be after today (Sun, Mar 14, 2027); choose one of the coming dates.');
      expect(error.fields).toEqual([{ field: 'body.firstSessionDate', message: 'must be a coming date' }]);
    }
  });
});

describe('the transfer date a request implies', () => {
  const today = date('2027-03-14'); // a Sunday

  it('Tuesday to Thursday from Thursday 18 March: the last Tuesday is the 16th, so one class a week', () => {
    expect(requestTransferDate({ enrollment: maya, firstSessionDate: date('2027-03-18'), today })?.toString()).toBe('2027-03-16');
  });

  it('to another Tuesday session: leaves on that same Tuesday', () => {
    expect(requestTransferDate({ enrollment: maya, firstSessionDate: date('2027-03-23'), today })?.toString()).toBe('2027-03-23');
  });

  it("when that Tuesday is today or past, leaves from the next one (today's class may have happened)", () => {
    expect(requestTransferDate({ enrollment: maya, firstSessionDate: date('2027-03-18'), today: date('2027-03-16') })?.toString()).toBe('2027-03-23');
  });

  it('skips a cancelled Tuesday: the 16th is closed, so the child leaves from the 23rd', () => {
    const closed = { ...maya, schedule: { ...maya.schedule, exceptions: [cancelled('2027-03-16')] } };
    expect(requestTransferDate({ enrollment: closed, firstSessionDate: date('2027-03-18'), today })?.toString()).toBe('2027-03-23');
  });

  it('none when the enrollment has no date left', () => {
    const ended = { ...maya, period: { startsOn: date('2027-01-05'), endsOn: date('2027-03-15') } };
    expect(requestTransferDate({ enrollment: ended, firstSessionDate: date('2027-03-18'), today })).toBeNull();
  });
});

describe('an enrollment that changed since the guardian asked', () => {
  it('is unchanged while live and ongoing', () => {
    expect(enrollmentChange(maya, locale)).toBeNull();
  });

  it('says what changed, in a parent’s words', () => {
    expect(enrollmentChange({ ...maya, endedByTransfer: true }, locale)).toBe(
      "Maya Patel's enrollment in Beginners Tue was moved to another session since you asked; ask again if you still want a change.",
    );
    expect(enrollmentChange({ ...maya, status: 'void' }, locale)).toMatch(/was cancelled since you asked/);
    expect(enrollmentChange({ ...maya, period: { startsOn: date('2027-01-05'), endsOn: date('2027-03-30') } }, locale)).toMatch(
      /was changed since you asked \(it now ends on Tue, Mar 30, 2027\)/,
    );
  });
});

describe("the organization's rule for approving at once", () => {
  const same = { enabled: true, from: { serviceId: 'group', price: 8000 }, to: { serviceId: 'group', price: 8000 }, seatFree: true, backDated: false };

  it('approves the same service at the same price with a free seat, not back-dated', () => {
    expect(autoApproval(same)).toEqual({ approve: true });
  });

  it.each([
    [{ enabled: false }, 'the organization approves requests itself'],
    [{ to: { serviceId: 'team', price: 8000 } }, 'another service'],
    [{ to: { serviceId: 'group', price: 10000 } }, 'another price'],
    [{ seatFree: false }, 'no free seat'],
    [{ backDated: true }, 'back-dated'],
  ])('leaves %o to staff', (change, because) => {
    expect(autoApproval({ ...same, ...change })).toEqual({ approve: false, because });
  });
});

describe('refusals reworded for a parent', () => {
  it('a full target names the session, not a manager override', () => {
    const staff = new AppError('CAPACITY_FULL', 'Intermediate Thu is full. … A manager can enroll beyond capacity.', { fields: [{ field: 'body.targetSessionId', message: 'full' }], fullDates: ['2027-03-18'] });
    const parent = forParent(staff, { childName: 'Maya Patel', targetName: 'Intermediate Thu', locale });
    expect(parent.code).toBe('CAPACITY_FULL');
    expect(parent.message).toBe('Intermediate Thu has no free seat from that date; choose another date or session.');
    expect(parent.fields).toEqual(staff.fields);
    expect(parent.facts).toEqual({ fullDates: ['2027-03-18'] });
  });

  it('a date the target does not meet suggests one', () => {
    const staff = new AppError('NOT_A_SESSION_DATE', 'x', { suggestedDate: '2027-03-18' });
    expect(forParent(staff, { childName: 'Maya Patel', targetName: 'Intermediate Thu', locale }).message).toBe(
      'Intermediate Thu does not meet on that date; choose one of its coming dates such as Thu, Mar 18, 2027.',
    );
  });
});
