import type {
  clients,
  families,
  guardians,
  instructors,
  locations,
  organizations,
  services,
  sessionDateExceptions,
  sessions,
  subscriptions,
} from '../schema/index.js';

/** A row to insert, with its id decided by the plan (so the database can be checked against it). */
export type Planned<T extends { $inferInsert: object }> = T['$inferInsert'] & { id: string; organizationId: string };

/**
 * Everything the demo inserts, table by table, in an order that satisfies the foreign keys.
 * No invoices or payments: those come from the billing engine once the plan is written
 * (src/server/services/demo), so the family ledger is written with them.
 */
export interface DemoPlan {
  organizations: Array<typeof organizations.$inferInsert & { id: string }>;
  locations: Planned<typeof locations>[];
  instructors: Planned<typeof instructors>[];
  services: Planned<typeof services>[];
  sessions: Planned<typeof sessions>[];
  sessionDateExceptions: Array<typeof sessionDateExceptions.$inferInsert>;
  families: Planned<typeof families>[];
  guardians: Planned<typeof guardians>[];
  clients: Planned<typeof clients>[];
  subscriptions: Planned<typeof subscriptions>[];
  /** The transfer scenario's subscription (Maya Patel in Beginners Tue), which billing pays ahead. */
  scenario: { organizationId: string; subscriptionId: string } | null;
}

export function emptyPlan(): DemoPlan {
  return {
    organizations: [],
    locations: [],
    instructors: [],
    services: [],
    sessions: [],
    sessionDateExceptions: [],
    families: [],
    guardians: [],
    clients: [],
    subscriptions: [],
    scenario: null,
  };
}
