import type { Temporal } from 'temporal-polyfill';
import { PATEL_FAMILY } from './demo-catalog.js';
import { ADULT_FIRST_NAMES, CHILD_FIRST_NAMES, FAMILY_NAMES } from './demo-names.js';
import type { DemoPlan, Planned } from './demo-plan-types.js';
import type { Random } from './deterministic.js';
import { deterministicId } from './deterministic.js';
import type { clients } from '../schema/index.js';

export type PlannedClient = Planned<typeof clients>;

const FAMILY_COUNT = 100;
const CLIENT_COUNT = 150;
const AREA_CODES = ['212', '347', '646', '718', '917'];

/**
 * About 100 families with 1–2 guardians and 150 children between them, the Patel family
 * first. Birth dates are relative to `today`, so ages stay 4–15 whenever the demo is seeded.
 */
export function planRiversidePeople(o: {
  plan: DemoPlan;
  organizationId: string;
  today: Temporal.PlainDate;
  random: Random;
}): { maya: PlannedClient; others: PlannedClient[] } {
  const { plan, organizationId, today, random } = o;
  const id = (key: string) => deterministicId(`demo:riverside:${key}`);

  const patelId = id('family:patel');
  plan.families.push({ organizationId, id: patelId, name: PATEL_FAMILY.name });
  PATEL_FAMILY.guardians.forEach((guardian, index) =>
    plan.guardians.push({ organizationId, id: id(`guardian:patel:${index}`), familyId: patelId, ...guardian }),
  );
  const maya: PlannedClient = {
    organizationId,
    id: id('client:maya-patel'),
    familyId: patelId,
    firstName: PATEL_FAMILY.client.firstName,
    lastName: PATEL_FAMILY.client.lastName,
    birthDate: today.subtract({ years: PATEL_FAMILY.client.ageYears, days: 123 }).toString(),
    notes: PATEL_FAMILY.client.notes,
  };
  plan.clients.push(maya);

  const familyNames = random.shuffle(FAMILY_NAMES).slice(0, FAMILY_COUNT - 1);
  // Every family has one child; the rest are siblings spread at random, at most three a family.
  const childrenPerFamily = familyNames.map(() => 1);
  for (let extra = CLIENT_COUNT - 1 - familyNames.length; extra > 0; ) {
    const index = random.int(0, familyNames.length - 1);
    if (childrenPerFamily[index]! >= 3) continue;
    childrenPerFamily[index]! += 1;
    extra -= 1;
  }

  const others: PlannedClient[] = [];
  familyNames.forEach((familyName, familyIndex) => {
    const familyId = id(`family:${familyIndex}`);
    plan.families.push({ organizationId, id: familyId, name: familyName });

    const guardianNames = random.shuffle(ADULT_FIRST_NAMES).slice(0, random.chance(0.45) ? 2 : 1);
    guardianNames.forEach((firstName, guardianIndex) =>
      plan.guardians.push({
        organizationId,
        id: id(`guardian:${familyIndex}:${guardianIndex}`),
        familyId,
        name: `${firstName} ${familyName}`,
        email: `${emailPart(firstName)}.${emailPart(familyName)}@example.com`,
        // 555-01xx is the range reserved for fiction, so no real person gets a call.
        phone: `(${random.pick(AREA_CODES)}) 555-01${String(random.int(0, 99)).padStart(2, '0')}`,
      }),
    );

    const childNames = random.shuffle(CHILD_FIRST_NAMES).slice(0, childrenPerFamily[familyIndex]);
    childNames.forEach((firstName, childIndex) => {
      const client: PlannedClient = {
        organizationId,
        id: id(`client:${familyIndex}:${childIndex}`),
        familyId,
        firstName,
        lastName: familyName,
        birthDate: today.subtract({ years: 4, days: random.int(0, 11 * 365) }).toString(),
        notes: random.chance(0.1) ? random.pick(NOTES) : '',
      };
      plan.clients.push(client);
      others.push(client);
    });
  });
  return { maya, others };
}

const NOTES = [
  'Allergic to latex.',
  'Wears goggles for every lesson.',
  'Nervous about deep water.',
  'Asthma: inhaler in bag.',
];

function emailPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}
