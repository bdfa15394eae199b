/** Fixed name lists: the demo draws from them with a seeded generator, so it reads the same every time. */

export const CHILD_FIRST_NAMES = [
  'Ava', 'Liam', 'Olivia', 'Noah', 'Emma', 'Oliver', 'Sophia', 'Elijah', 'Isabella', 'Lucas',
  'Mia', 'Mason', 'Amelia', 'Ethan', 'Harper', 'Logan', 'Evelyn', 'Aiden', 'Abigail', 'Jackson',
  'Emily', 'Sebastian', 'Ella', 'Mateo', 'Chloe', 'Leo', 'Aria', 'Henry', 'Zoe', 'Owen',
  'Nora', 'Caleb', 'Lily', 'Isaac', 'Hannah', 'Julian', 'Layla', 'Ezra', 'Grace', 'Miles',
  'Riley', 'Hudson', 'Stella', 'Levi', 'Hazel', 'Theo', 'Aurora', 'Wyatt', 'Violet', 'Jayden',
  'Luna', 'Diego', 'Camila', 'Ravi', 'Anika', 'Kenji', 'Sakura', 'Omar', 'Leila', 'Mateus',
] as const;

export const ADULT_FIRST_NAMES = [
  'Jennifer', 'Michael', 'Sarah', 'David', 'Jessica', 'James', 'Ashley', 'Robert', 'Amanda', 'John',
  'Melissa', 'Daniel', 'Nicole', 'Christopher', 'Stephanie', 'Matthew', 'Rachel', 'Andrew', 'Lauren', 'Joshua',
  'Megan', 'Kevin', 'Laura', 'Brian', 'Rebecca', 'Jason', 'Elena', 'Carlos', 'Mei', 'Wei',
  'Fatima', 'Ahmed', 'Aisha', 'Tomás', 'Ingrid', 'Kwame', 'Yuki', 'Hiroshi', 'Sunita', 'Marcus',
] as const;

/** "Patel" is left out on purpose: the scenario family must be the only one. */
export const FAMILY_NAMES = [
  'Anderson', 'Baker', 'Brooks', 'Campbell', 'Carter', 'Chen', 'Clark', 'Collins', 'Cooper', 'Cruz',
  'Davis', 'Diaz', 'Edwards', 'Evans', 'Fisher', 'Flores', 'Foster', 'Garcia', 'Gomez', 'Gonzalez',
  'Gray', 'Green', 'Hall', 'Harris', 'Hayes', 'Hernandez', 'Hill', 'Howard', 'Hughes', 'Jackson',
  'James', 'Jenkins', 'Johnson', 'Kelly', 'Kim', 'King', 'Lee', 'Lewis', 'Lopez', 'Martin',
  'Martinez', 'Mendoza', 'Miller', 'Mitchell', 'Moore', 'Morales', 'Morgan', 'Murphy', 'Myers', 'Nelson',
  'Nguyen', 'Okafor', 'Ortiz', 'Parker', 'Perez', 'Perry', 'Peterson', 'Phillips', 'Powell', 'Price',
  'Ramirez', 'Reed', 'Reyes', 'Richardson', 'Rivera', 'Roberts', 'Robinson', 'Rodriguez', 'Rogers', 'Ross',
  'Russell', 'Sanchez', 'Sanders', 'Scott', 'Shah', 'Silva', 'Singh', 'Smith', 'Stewart', 'Sullivan',
  'Tanaka', 'Taylor', 'Thomas', 'Thompson', 'Torres', 'Turner', 'Walker', 'Ward', 'Watson', 'White',
  'Williams', 'Wilson', 'Wood', 'Wright', 'Yamamoto', 'Young', 'Zhang', 'Abbott', 'Bennett', 'Castillo',
  'Dubois', 'Ferreira', 'Kowalski', 'Larsen', 'Novak', "O'Brien",
] as const;

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** English month names from a table rather than Intl, so descriptions never depend on the ICU build. */
export function monthName(month: number): string {
  return MONTH_NAMES[month - 1]!;
}

/** A holiday name for a closure in the given month, for the demo's cancelled dates. */
export function holidayName(month: number): string {
  const names = [
    'Martin Luther King Jr. Day', "Presidents' Day", 'Spring Break', 'Spring Break', 'Memorial Day', 'Juneteenth',
    'Independence Day', 'Summer Break', 'Labor Day', "Indigenous Peoples' Day", 'Veterans Day', 'Winter Break',
  ];
  return names[month - 1]!;
}
