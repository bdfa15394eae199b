import type { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import { ledgerRepository, type NewLedgerEntry } from '../../../db/repositories/ledger-repository.js';
import type { LedgerEntryKind } from '../../../domain/billing/value-sets.js';

/** Who makes a money change, and on which of the organization's days: what every ledger entry records. */
export interface LedgerContext {
  organizationId: string;
  /** Null for the invoice run and other work no person started. */
  actorUserId: string | null;
  today: Temporal.PlainDate;
}

export interface LedgerLine {
  familyId: string;
  invoiceId?: string | null;
  kind: LedgerEntryKind;
  /** Signed minor units: + the family owes more, − it owes less. */
  amount: number;
  description: string;
}

/**
 * Appends to the family ledger in the caller's transaction (DESIGN.md "Family ledger"): every
 * writer of money calls this with the change it made, so the ledger's sum is the balance.
 */
export async function recordInLedger(tx: Database, context: LedgerContext, lines: readonly LedgerLine[]) {
  await ledgerRepository.append(
    tx,
    context.organizationId,
    lines.map((line) => ledgerEntryOf(context, line)),
  );
}

/** The ledger row of a change (for a writer that inserts it in its own statement, as the invoice run does). */
export function ledgerEntryOf(context: LedgerContext, line: LedgerLine): NewLedgerEntry {
  return {
    familyId: line.familyId,
    invoiceId: line.invoiceId ?? null,
    kind: line.kind,
    amount: line.amount,
    description: line.description,
    actorUserId: context.actorUserId,
    occurredOn: context.today.toString(),
  };
}
