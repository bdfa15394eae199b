/**
 * The demo's fixed catalog: what Riverside Swim School offers. Only the dates are computed
 * (relative to `today`), so the schedule looks current whenever the demo is seeded.
 */

export type ServiceKey = 'group' | 'private' | 'team';

export const RIVERSIDE_LOCATIONS = [
  { name: 'Riverside Main Pool', address: '100 River Road, Riverside' },
  { name: 'Eastside Community Pool', address: '45 Elm Street, Riverside' },
] as const;

export const RIVERSIDE_INSTRUCTORS = [
  { name: 'Alex Moreno', email: 'alex.moreno@riverside-swim.example.com' },
  { name: 'Jordan Lee', email: 'jordan.lee@riverside-swim.example.com' },
  { name: 'Sam Whitaker', email: 'sam.whitaker@riverside-swim.example.com' },
  { name: 'Casey Nguyen', email: 'casey.nguyen@riverside-swim.example.com' },
] as const;

export const RIVERSIDE_SERVICES: Record<
  ServiceKey,
  { name: string; description: string; defaultPaymentPlan: 'monthly' | 'per_visit'; defaultPrice: number }
> = {
  group: {
    name: 'Group Swim Lessons',
    description: 'Small-group lessons by level, once a week.',
    defaultPaymentPlan: 'monthly',
    defaultPrice: 8000,
  },
  private: {
    name: 'Private Lessons',
    description: 'One-to-one (or two) lessons, paid per visit.',
    defaultPaymentPlan: 'per_visit',
    defaultPrice: 4500,
  },
  team: {
    name: 'Swim Team',
    description: 'Competitive training for confident swimmers.',
    defaultPaymentPlan: 'monthly',
    defaultPrice: 12000,
  },
};

export interface SessionSpec {
  name: string;
  service: ServiceKey;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  startTime: `${number}:${number}`;
  durationMinutes: number;
  capacity: number;
  price: number;
  location: 0 | 1;
  instructor: 0 | 1 | 2 | 3;
  /** Ongoing seats to fill; equal to capacity makes the session full. */
  enrolled: number;
  /** Ages (in whole years at `today`) the session is for. */
  ages: readonly [number, number];
  /** A term, in months relative to the current month; open-ended sessions leave it out. */
  term?: { fromMonth: number; months: number };
}

const group = { service: 'group', price: 8000 } as const;
const inter = { service: 'group', price: 10000 } as const;
const team = { service: 'team', price: 12000, durationMinutes: 60, ages: [9, 15] } as const;
const priv = { service: 'private', price: 4500, ages: [4, 15] } as const;

/** 25 weekly sessions, Monday to Saturday. "Beginners Tue", "Intermediate Thu" and "Swim Team Sat" are the worked examples' sessions. */
export const RIVERSIDE_SESSIONS: SessionSpec[] = [
  // Monday
  { name: 'Preschool Splash Mon', ...group, price: 7000, weekday: 1, startTime: '15:30', durationMinutes: 30, capacity: 8, location: 1, instructor: 3, enrolled: 5, ages: [4, 6] },
  { name: 'Beginners Mon', ...group, weekday: 1, startTime: '16:00', durationMinutes: 45, capacity: 8, location: 0, instructor: 0, enrolled: 6, ages: [5, 9] },
  { name: 'Intermediate Mon', ...inter, weekday: 1, startTime: '17:00', durationMinutes: 45, capacity: 10, location: 0, instructor: 0, enrolled: 7, ages: [7, 12] },
  { name: 'Swim Team Mon', ...team, weekday: 1, startTime: '18:00', capacity: 12, location: 0, instructor: 1, enrolled: 9 },
  { name: 'Private Mon 15:30', ...priv, weekday: 1, startTime: '15:30', durationMinutes: 30, capacity: 1, location: 0, instructor: 2, enrolled: 0 },
  // Tuesday
  { name: 'Beginners Tue', ...group, weekday: 2, startTime: '16:00', durationMinutes: 45, capacity: 8, location: 0, instructor: 0, enrolled: 6, ages: [5, 9] },
  { name: 'Intermediate Tue', ...inter, weekday: 2, startTime: '17:00', durationMinutes: 45, capacity: 10, location: 1, instructor: 3, enrolled: 6, ages: [7, 12] },
  { name: 'Private Tue 15:30', ...priv, weekday: 2, startTime: '15:30', durationMinutes: 30, capacity: 1, location: 0, instructor: 2, enrolled: 1 },
  // Wednesday
  { name: 'Beginners Wed', ...group, weekday: 3, startTime: '15:30', durationMinutes: 45, capacity: 8, location: 1, instructor: 3, enrolled: 5, ages: [5, 9] },
  { name: 'Advanced Wed', ...inter, price: 11000, weekday: 3, startTime: '17:00', durationMinutes: 45, capacity: 6, location: 0, instructor: 0, enrolled: 6, ages: [9, 15] },
  { name: 'Swim Team Wed', ...team, weekday: 3, startTime: '18:00', capacity: 12, location: 0, instructor: 1, enrolled: 8 },
  { name: 'Private Wed 16:30', ...priv, weekday: 3, startTime: '16:30', durationMinutes: 45, capacity: 1, location: 0, instructor: 2, enrolled: 0 },
  { name: 'Summer Stroke Clinic Wed', ...inter, price: 9000, weekday: 3, startTime: '18:15', durationMinutes: 45, capacity: 8, location: 1, instructor: 3, enrolled: 3, ages: [8, 15], term: { fromMonth: 1, months: 3 } },
  // Thursday
  { name: 'Beginners Thu', ...group, weekday: 4, startTime: '15:30', durationMinutes: 45, capacity: 8, location: 1, instructor: 3, enrolled: 8, ages: [5, 9] },
  { name: 'Intermediate Thu', ...inter, weekday: 4, startTime: '17:00', durationMinutes: 45, capacity: 10, location: 0, instructor: 1, enrolled: 6, ages: [7, 12] },
  { name: 'Junior Team Thu', ...team, weekday: 4, startTime: '18:00', capacity: 10, location: 0, instructor: 0, enrolled: 6, ages: [9, 12] },
  { name: 'Private Thu 16:00', ...priv, weekday: 4, startTime: '16:00', durationMinutes: 45, capacity: 2, location: 0, instructor: 2, enrolled: 1 },
  // Friday
  { name: 'Advanced Fri', ...inter, price: 11000, weekday: 5, startTime: '16:30', durationMinutes: 60, capacity: 8, location: 0, instructor: 0, enrolled: 5, ages: [9, 15] },
  { name: 'Spring Stroke Clinic Fri', ...inter, price: 9000, weekday: 5, startTime: '17:45', durationMinutes: 45, capacity: 10, location: 1, instructor: 3, enrolled: 6, ages: [8, 15], term: { fromMonth: -1, months: 3 } },
  { name: 'Private Fri 15:30', ...priv, weekday: 5, startTime: '15:30', durationMinutes: 30, capacity: 1, location: 0, instructor: 2, enrolled: 1 },
  // Saturday
  { name: 'Swim Team Sat', ...team, weekday: 6, startTime: '09:00', capacity: 12, location: 0, instructor: 1, enrolled: 9 },
  { name: 'Preschool Splash Sat', ...group, price: 7000, weekday: 6, startTime: '09:15', durationMinutes: 30, capacity: 8, location: 1, instructor: 3, enrolled: 6, ages: [4, 6] },
  { name: 'Beginners Sat', ...group, weekday: 6, startTime: '10:00', durationMinutes: 45, capacity: 12, location: 0, instructor: 0, enrolled: 12, ages: [5, 9] },
  { name: 'Intermediate Sat', ...inter, weekday: 6, startTime: '10:30', durationMinutes: 45, capacity: 12, location: 1, instructor: 3, enrolled: 8, ages: [7, 12] },
  { name: 'Semi-Private Sat 11:00', ...priv, price: 3500, weekday: 6, startTime: '11:00', durationMinutes: 45, capacity: 2, location: 0, instructor: 2, enrolled: 2 },
];

/** The scenario's family, the one the worked examples follow. */
export const PATEL_FAMILY = {
  name: 'Patel',
  guardians: [
    { name: 'Priya Patel', email: 'priya.patel@example.com', phone: '(212) 555-0142' },
    { name: 'Raj Patel', email: 'raj.patel@example.com', phone: '(212) 555-0143' },
  ],
  client: { firstName: 'Maya', lastName: 'Patel', ageYears: 7, notes: 'Prefers the shallow end; working on floating.' },
  sessionName: 'Beginners Tue',
} as const;
