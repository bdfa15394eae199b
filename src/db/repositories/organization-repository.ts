import { eq } from 'drizzle-orm';
import type { Database } from '../client.js';
import { faultPoint } from '../fault-injection.js';
import { authOrganizations, organizations } from '../schema/index.js';

export const organizationRepository = {
  async findById(db: Database, id: string) {
    const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
    return row;
  },

  /** The tenant and, under the same id, the organization staff accounts belong to. */
  async insert(db: Database, values: typeof organizations.$inferInsert) {
    faultPoint('organizations.insert');
    const [row] = await db.insert(organizations).values(values).returning();
    faultPoint('auth_organizations.insert');
    await db.insert(authOrganizations).values({ id: row!.id, name: row!.name, slug: row!.id });
    return row!;
  },

  /** How the organization issues invoices (days before the period, due day, applying account credit). */
  async billingSettings(db: Database, id: string) {
    const [row] = await db
      .select({
        invoiceIssueDaysBefore: organizations.invoiceIssueDaysBefore,
        invoiceDueDay: organizations.invoiceDueDay,
        applyAccountCreditAutomatically: organizations.applyAccountCreditAutomatically,
      })
      .from(organizations)
      .where(eq(organizations.id, id));
    return row!;
  },

  async updateBillingSettings(
    db: Database,
    id: string,
    values: Partial<Pick<typeof organizations.$inferInsert, 'invoiceIssueDaysBefore' | 'invoiceDueDay' | 'applyAccountCreditAutomatically'>>,
  ) {
    faultPoint('organizations.update');
    if (Object.keys(values).length > 0) await db.update(organizations).set(values).where(eq(organizations.id, id));
  },

  async list(db: Database) {
    return db.select().from(organizations).orderBy(organizations.name);
  },
};
