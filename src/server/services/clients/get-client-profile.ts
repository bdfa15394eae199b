import type { Database } from '../../../db/client.js';
import { auditRepository } from '../../../db/repositories/audit-repository.js';
import { clientRepository } from '../../../db/repositories/client-repository.js';
import { familyRepository } from '../../../db/repositories/family-repository.js';
import { guardianRepository } from '../../../db/repositories/guardian-repository.js';
import { invoiceRepository } from '../../../db/repositories/invoice-repository.js';
import { subscriptionRepository, type SubscriptionRow } from '../../../db/repositories/subscription-repository.js';
import { transferRepository } from '../../../db/repositories/transfer-repository.js';
import { ledgerRepository } from '../../../db/repositories/ledger-repository.js';
import { AppError } from '../../../domain/errors.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';
import { authMemberRepository } from '../../../db/repositories/auth-member-repository.js';
import { undoStatusOf } from '../transfers/undo-transfer.js';
import { clientDto, familyDto, guardianDto } from '../../../contracts/families.js';
import type { ClientProfileDto } from '../../../contracts/client-profile.js';
import { loadInvoices } from '../billing/invoice-details.js';
import { toSubscriptionDto } from '../enrollment/subscription-dto.js';
import { toTransferDto } from '../transfers/transfer-dto.js';

function stateOf(subscription: SubscriptionRow, today: string) {
  if (subscription.status === 'void') return 'void' as const;
  if (subscription.endsOn && subscription.endsOn <= today) return 'ended' as const;
  return subscription.startsOn > today ? ('upcoming' as const) : ('active' as const);
}

/** Everything the front desk needs about one client on one screen. */
export async function getClientProfile(db: Database, organization: OrganizationContext, actor: Actor, clientId: string): Promise<ClientProfileDto> {
  const client = await clientRepository.findById(db, organization.id, clientId);
  if (!client) throw new AppError('NOT_FOUND', 'No client has this id in your organization.');
  // Only the client's own rows: session and service names come joined to the subscriptions,
  // not from every session the organization ever ran.
  const [family, guardians, subscriptions, familyInvoices, history, transfers, balance] = await Promise.all([
    familyRepository.findById(db, organization.id, client.familyId),
    guardianRepository.listForFamilies(db, organization.id, [client.familyId]),
    subscriptionRepository.listForClientWithNames(db, organization.id, clientId),
    invoiceRepository.listForFamily(db, organization.id, client.familyId),
    auditRepository.listForClient(db, organization.id, clientId),
    transferRepository.listForClient(db, organization.id, clientId),
    ledgerRepository.balanceOfFamily(db, organization.id, client.familyId),
  ]);
  const [invoices, transferDtos, actorNames] = await Promise.all([
    loadInvoices(db, organization.id, familyInvoices, { concurrent: true }),
    Promise.all(transfers.map(async (t) => ({ ...toTransferDto(t), undo: await undoStatusOf(db, organization, actor, t) }))),
    authMemberRepository.namesByUserIds(db, history.flatMap((e) => (e.actorUserId ? [e.actorUserId] : []))),
  ]);
  const today = organization.today.toString();
  return {
    client: clientDto.parse(client),
    family: familyDto.parse(family),
    guardians: guardians.map((g) => guardianDto.parse(g)),
    currency: organization.currency,
    subscriptions: subscriptions.map(({ subscription: s, sessionName, serviceName }) => ({
      ...toSubscriptionDto(s),
      sessionName,
      serviceName,
      state: stateOf(s, today),
    })),
    invoices,
    transfers: transferDtos,
    balance,
    history: history.map((e) => ({
      id: e.id,
      at: e.createdAt.toISOString(),
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      actorUserId: e.actorUserId,
      actorName: e.actorUserId ? (actorNames.get(e.actorUserId) ?? null) : null,
      actorRole: e.actorRole,
      before: e.before,
      after: e.after,
    })),
  };
}

