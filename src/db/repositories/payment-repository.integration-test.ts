import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../client.js';
import { buildInvoice as buildOpenInvoice, buildOrganization } from '../seed/builders.js';
import { openTestDatabase } from '../testing/test-database.js';
import { paymentRepository } from './payment-repository.js';

let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

const buildInvoice = (organizationId: string, familyId?: string) => buildOpenInvoice(db, organizationId, familyId ? { familyId } : {});

const pay = (organizationId: string, invoice: { id: string; familyId: string }, receivedAt: string, amount = 1000) =>
  paymentRepository.insert(db, organizationId, {
    invoiceId: invoice.id,
    familyId: invoice.familyId,
    amount,
    method: 'card',
    reference: 'ref',
    receivedAt: new Date(receivedAt),
  });

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

describe('paymentRepository', () => {
  it('inserts a payment, found only in its organization', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const invoice = await buildInvoice(org.id);
    const payment = await pay(org.id, invoice, '2027-01-10T09:00:00Z', 4000);

    expect(payment).toMatchObject({ invoiceId: invoice.id, familyId: invoice.familyId, amount: 4000, method: 'card', reference: 'ref' });
    expect(await paymentRepository.findById(db, org.id, payment.id)).toEqual(payment);
    expect(await paymentRepository.findById(db, other.id, payment.id)).toBeUndefined();
  });

  it('lists the organization’s payments by time received', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const invoice = await buildInvoice(org.id);
    const later = await pay(org.id, invoice, '2027-01-10T09:00:00Z');
    const earlier = await pay(org.id, invoice, '2027-01-09T09:00:00Z');
    await pay(other.id, await buildInvoice(other.id), '2027-01-01T09:00:00Z');

    expect(await paymentRepository.list(db, org.id, { limit: 10, offset: 0 })).toMatchObject({ items: [earlier, later], total: 2 });
  });

  describe('listForInvoices', () => {
    it('returns [] for no invoices', async () => {
      const org = await buildOrganization(db);
      await pay(org.id, await buildInvoice(org.id), '2027-01-10T09:00:00Z');
      expect(await paymentRepository.listForInvoices(db, org.id, [])).toEqual([]);
    });

    it('returns the payments of the given invoices by time received, ties by id', async () => {
      const org = await buildOrganization(db);
      const other = await buildOrganization(db);
      const first = await buildInvoice(org.id);
      const second = await buildInvoice(org.id, first.familyId);
      const notAsked = await buildInvoice(org.id, first.familyId);
      const latest = await pay(org.id, first, '2027-01-20T00:00:00Z');
      const earliest = await pay(org.id, second, '2027-01-05T00:00:00Z');
      const tied = [await pay(org.id, first, '2027-01-10T00:00:00Z'), await pay(org.id, second, '2027-01-10T00:00:00Z')].sort(byId);
      await pay(org.id, notAsked, '2027-01-01T00:00:00Z');

      expect(await paymentRepository.listForInvoices(db, org.id, [first.id, second.id])).toEqual([earliest, ...tied, latest]);
      expect(await paymentRepository.listForInvoices(db, other.id, [first.id, second.id])).toEqual([]);
    });
  });
});
