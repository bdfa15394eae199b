import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../client.js';
import { invoiceDiscounts } from '../schema/index.js';
import { buildInvoice as buildOpenInvoice, buildOrganization } from '../seed/builders.js';
import { openTestDatabase } from '../testing/test-database.js';
import { invoiceDiscountRepository, writeOffRepository } from './invoice-adjustment-repository.js';

let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

const buildInvoice = (organizationId: string, familyId?: string) => buildOpenInvoice(db, organizationId, familyId ? { familyId } : {});

/** A discount dated `createdAt` (insert takes the clock's time). */
async function buildDiscount(organizationId: string, invoiceId: string, createdAt: string, amount = 500) {
  const discount = await invoiceDiscountRepository.insert(db, organizationId, { invoiceId, kind: 'amount', amount, reason: 'Sibling' });
  const [dated] = await db
    .update(invoiceDiscounts)
    .set({ createdAt: new Date(createdAt) })
    .where(and(eq(invoiceDiscounts.organizationId, organizationId), eq(invoiceDiscounts.id, discount.id)))
    .returning();
  return dated!;
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

describe('invoiceDiscountRepository', () => {
  it('inserts amount and percent discounts, found only in their organization', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const invoice = await buildInvoice(org.id);
    const percent = await invoiceDiscountRepository.insert(db, org.id, {
      invoiceId: invoice.id,
      kind: 'percent',
      basisPoints: 1500,
      amount: 1500,
      reason: 'Staff',
    });

    expect(percent).toMatchObject({ organizationId: org.id, invoiceId: invoice.id, kind: 'percent', basisPoints: 1500, amount: 1500 });
    expect(await invoiceDiscountRepository.findById(db, org.id, percent.id)).toEqual(percent);
    expect(await invoiceDiscountRepository.findById(db, other.id, percent.id)).toBeUndefined();
  });

  describe('listForInvoices', () => {
    it('returns [] for no invoices', async () => {
      const org = await buildOrganization(db);
      const invoice = await buildInvoice(org.id);
      await buildDiscount(org.id, invoice.id, '2027-01-02T00:00:00Z');
      expect(await invoiceDiscountRepository.listForInvoices(db, org.id, [])).toEqual([]);
    });

    it('returns the discounts of the given invoices, oldest first, ties by id', async () => {
      const org = await buildOrganization(db);
      const other = await buildOrganization(db);
      const first = await buildInvoice(org.id);
      const second = await buildInvoice(org.id, first.familyId);
      const notAsked = await buildInvoice(org.id, first.familyId);
      const latest = await buildDiscount(org.id, first.id, '2027-01-05T00:00:00Z');
      const earliest = await buildDiscount(org.id, second.id, '2027-01-01T00:00:00Z');
      const tied = [await buildDiscount(org.id, first.id, '2027-01-03T00:00:00Z'), await buildDiscount(org.id, second.id, '2027-01-03T00:00:00Z')].sort(byId);
      await buildDiscount(org.id, notAsked.id, '2027-01-02T00:00:00Z');

      expect(await invoiceDiscountRepository.listForInvoices(db, org.id, [first.id, second.id])).toEqual([earliest, ...tied, latest]);
      expect(await invoiceDiscountRepository.listForInvoices(db, other.id, [first.id, second.id])).toEqual([]);
    });
  });
});

describe('writeOffRepository', () => {
  const writeOff = (organizationId: string, invoice: { id: string; familyId: string }, writtenOffAt: string, amount = 1000) =>
    writeOffRepository.insert(db, organizationId, {
      invoiceId: invoice.id,
      familyId: invoice.familyId,
      amount,
      reason: 'Moved away',
      writtenOffAt: new Date(writtenOffAt),
    });

  it('inserts a write-off, found only in its organization', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const invoice = await buildInvoice(org.id);
    const row = await writeOff(org.id, invoice, '2027-02-01T12:00:00Z', 2500);

    expect(row).toMatchObject({ invoiceId: invoice.id, familyId: invoice.familyId, amount: 2500, reason: 'Moved away', writtenOffAt: new Date('2027-02-01T12:00:00Z') });
    expect(await writeOffRepository.findById(db, org.id, row.id)).toEqual(row);
    expect(await writeOffRepository.findById(db, other.id, row.id)).toBeUndefined();
  });

  describe('listForInvoices', () => {
    it('returns [] for no invoices', async () => {
      const org = await buildOrganization(db);
      await writeOff(org.id, await buildInvoice(org.id), '2027-02-01T00:00:00Z');
      expect(await writeOffRepository.listForInvoices(db, org.id, [])).toEqual([]);
    });

    it('returns the write-offs of the given invoices, oldest first, ties by id', async () => {
      const org = await buildOrganization(db);
      const other = await buildOrganization(db);
      const first = await buildInvoice(org.id);
      const second = await buildInvoice(org.id);
      const notAsked = await buildInvoice(org.id);
      const latest = await writeOff(org.id, first, '2027-03-01T00:00:00Z');
      const earliest = await writeOff(org.id, second, '2027-01-01T00:00:00Z');
      const tied = [await writeOff(org.id, first, '2027-02-01T00:00:00Z'), await writeOff(org.id, second, '2027-02-01T00:00:00Z')].sort(byId);
      await writeOff(org.id, notAsked, '2027-01-15T00:00:00Z');

      expect(await writeOffRepository.listForInvoices(db, org.id, [second.id, first.id, randomUUID()])).toEqual([earliest, ...tied, latest]);
      expect(await writeOffRepository.listForInvoices(db, other.id, [first.id, second.id])).toEqual([]);
    });
  });
});
