import { describe, expect, it } from 'vitest';
import { can, permissionsOf } from './permissions.js';

describe('roles and permissions', () => {
  it('lets the owner do everything, including managing staff', () => {
    expect(permissionsOf('owner')).toContain('staff.manage');
    expect(permissionsOf('owner')).toHaveLength(14);
  });

  it('keeps back-dating, capacity override, undo and write-offs to managers and owners', () => {
    for (const permission of ['changes.backdate', 'capacity.override', 'transfers.undo', 'billing.adjust'] as const) {
      expect([can('manager', permission), can('front_desk', permission), can('instructor', permission)]).toEqual([true, false, false]);
    }
  });

  it('lets the front desk enroll, transfer and take payments, but not manage staff', () => {
    expect(can('front_desk', 'enrollment.write')).toBe(true);
    expect(can('front_desk', 'payments.write')).toBe(true);
    expect(can('front_desk', 'staff.manage')).toBe(false);
  });

  it('lets an instructor read the schedule and rosters and take attendance, nothing else', () => {
    expect(permissionsOf('instructor')).toEqual(['schedule.read', 'roster.read', 'attendance.write']);
  });
});
