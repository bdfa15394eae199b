import { eq, inArray } from 'drizzle-orm';
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
        autoApproveTransferRequests: organizations.autoApproveTransferRequests,
      })
      .from(organizations)
      .where(eq(organizations.id, id));
    return row!;
  },

  async updateBillingSettings(
    db: Database,
    id: string,
    values: Partial<Pick<typeof organizations.$inferInsert, 'invoiceIssueDaysBefore' | 'invoiceDueDay' | 'applyAccountCreditAutomatically' | 'autoApproveTransferRequests'>>,
  ) {
    faultPoint('organizations.update');
    if (Object.keys(values).length > 0) await db.update(organizations).set(values).where(eq(organizations.id, id));
  },

  /** The kinds of email the organization turned off (DESIGN.md "Notifications"). */
  async messageSettings(db: Database, id: string) {
    const [row] = await db.select({ mutedMessageKinds: organizations.mutedMessageKinds }).from(organizations).where(eq(organizations.id, id));
    return row!;
  },

  async updateMessageSettings(db: Database, id: string, values: { mutedMessageKinds: string[] }) {
    faultPoint('organizations.update');
    await db.update(organizations).set(values).where(eq(organizations.id, id));
  },

  async namesByIds(db: Database, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, [...ids]));
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  async list(db: Database) {
    return db.select().from(organizations).orderBy(organizations.name);
  },
};
