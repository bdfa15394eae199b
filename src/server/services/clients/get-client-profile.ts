import type { Database } from '../../../db/client.js';
import { auditRepository } from '../../../db/repositories/audit-repository.js';
import { clientRepository } from '../../../db/repositories/client-repository.js';
import { familyRepository } from '../../../db/repositories/family-repository.js';
import { guardianRepository } from '../../../db/repositories/guardian-repository.js';
import { invoiceDiscountRepository, writeOffRepository } from '../../../db/repositories/invoice-adjustment-repository.js';
import { invoiceLineRepository, invoiceRepository, type InvoiceRow } from '../../../db/repositories/invoice-repository.js';
import { paymentRepository } from '../../../db/repositories/payment-repository.js';
import { serviceRepository } from '../../../db/repositories/service-repository.js';
import { sessionRepository } from '../../../db/repositories/session-repository.js';
import { subscriptionRepository, type SubscriptionRow } from '../../../db/repositories/subscription-repository.js';
import { amountDue, familyBalance } from '../../../domain/billing/balance.js';
import { AppError } from '../../../domain/errors.js';
import type { OrganizationContext } from '../../http/organization-scope.js';
import { clientDto, familyDto, guardianDto } from '../../routes/catalog/families.types.js';
import type { ClientProfileDto, InvoiceDto } from '../../routes/clients/client-profile.types.js';
import { toSubscriptionDto } from '../enrollment/subscription-dto.js';
import { todayIn } from '../sessions/session-schedule.js';

const ALL = { limit: 10_000, offset: 0 };

function stateOf(subscription: SubscriptionRow, today: string) {
  if (subscription.status === 'void') return 'void' as const;
  if (subscription.endsOn && subscription.endsOn <= today) return 'ended' as const;
  return subscription.startsOn > today ? ('upcoming' as const) : ('active' as const);
}

function sumBy<T>(rows: readonly T[], key: (row: T) => string, amount: (row: T) => number) {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + amount(row));
  return sums;
}

async function loadInvoices(db: Database, organizationId: string, invoices: InvoiceRow[]): Promise<InvoiceDto[]> {
  const ids = invoices.map((i) => i.id);
  const [lines, discounts, payments, writeOffs] = await Promise.all([
    invoiceLineRepository.listForInvoices(db, organizationId, ids),
    invoiceDiscountRepository.listForInvoices(db, organizationId, ids),
    paymentRepository.listForInvoices(db, organizationId, ids),
    writeOffRepository.listForInvoices(db, organizationId, ids),
  ]);
  const paid = sumBy(payments, (p) => p.invoiceId, (p) => p.amount);
  const writtenOff = sumBy(writeOffs, (w) => w.invoiceId, (w) => w.amount);
  return invoices.map((invoice) => {
    const amounts = { status: invoice.status, total: invoice.total, paid: paid.get(invoice.id) ?? 0, writtenOff: writtenOff.get(invoice.id) ?? 0 };
    return {
      id: invoice.id,
      subscriptionId: invoice.subscriptionId,
      status: invoice.status,
      issuedOn: invoice.issuedOn,
      dueOn: invoice.dueOn,
      subtotal: invoice.subtotal,
      discountTotal: invoice.discountTotal,
      total: invoice.total,
      paid: amounts.paid,
      writtenOff: amounts.writtenOff,
      amountDue: amountDue(amounts),
      lines: lines
        .filter((l) => l.invoiceId === invoice.id)
        .map(({ description, periodStart, periodEnd, quantityNumerator, quantityDenominator, unitAmount, amount }) => ({
          description, periodStart, periodEnd, quantityNumerator, quantityDenominator, unitAmount, amount,
        })),
      discounts: discounts
        .filter((d) => d.invoiceId === invoice.id)
        .map(({ kind, basisPoints, amount, reason }) => ({ kind, basisPoints, amount, reason })),
      payments: payments
        .filter((p) => p.invoiceId === invoice.id)
        .map(({ id, amount, method, reference, receivedAt }) => ({ id, amount, method, reference, receivedAt: receivedAt.toISOString() })),
    };
  });
}

/** Everything the front desk needs about one client on one screen. */
export async function getClientProfile(db: Database, organization: OrganizationContext, clientId: string): Promise<ClientProfileDto> {
  const client = await clientRepository.findById(db, organization.id, clientId);
  if (!client) throw new AppError('NOT_FOUND', 'No client has this id in your organization.');
  const [family, guardians, subscriptions, familyInvoices, history, sessions, services] = await Promise.all([
    familyRepository.findById(db, organization.id, client.familyId),
    guardianRepository.listForFamilies(db, organization.id, [client.familyId]),
    subscriptionRepository.listForClient(db, organization.id, clientId),
    invoiceRepository.listForFamily(db, organization.id, client.familyId),
    auditRepository.listForClient(db, organization.id, clientId),
    sessionRepository.list(db, organization.id, ALL),
    serviceRepository.list(db, organization.id, ALL),
  ]);
  const invoices = await loadInvoices(db, organization.id, familyInvoices);
  const sessionById = new Map(sessions.items.map((s) => [s.id, s]));
  const serviceName = new Map(services.items.map((s) => [s.id, s.name]));
  const today = todayIn(organization.timeZone).toString();
  return {
    client: clientDto.parse(client),
    family: familyDto.parse(family),
    guardians: guardians.map((g) => guardianDto.parse(g)),
    currency: organization.currency,
    subscriptions: subscriptions.map((s) => {
      const session = sessionById.get(s.sessionId);
      return {
        ...toSubscriptionDto(s),
        sessionName: session?.name ?? '',
        serviceName: (session && serviceName.get(session.serviceId)) ?? '',
        state: stateOf(s, today),
      };
    }),
    invoices,
    balance: familyBalance(invoices),
    history: history.map((e) => ({
      id: e.id,
      at: e.createdAt.toISOString(),
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      actorUserId: e.actorUserId,
      actorRole: e.actorRole,
      before: e.before,
      after: e.after,
    })),
  };
}

