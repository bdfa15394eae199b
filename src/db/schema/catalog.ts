import { paymentPlans } from '../../domain/billing/value-sets.js';
import { sql } from 'drizzle-orm';
import { check, integer, pgEnum, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.js';

export const paymentPlan = pgEnum('payment_plan', paymentPlans);

export const locations = pgTable(
  'locations',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    address: text('address'),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    check('locations_name_not_blank', sql`length(trim(${t.name})) > 0`),
  ],
);

export const instructors = pgTable(
  'instructors',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    email: text('email'),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    check('instructors_name_not_blank', sql`length(trim(${t.name})) > 0`),
  ],
);

export const services = pgTable(
  'services',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    defaultPaymentPlan: paymentPlan('default_payment_plan').notNull(),
    defaultPrice: integer('default_price').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    check('services_name_not_blank', sql`length(trim(${t.name})) > 0`),
    check('services_default_price_not_negative', sql`${t.defaultPrice} >= 0`),
  ],
);
