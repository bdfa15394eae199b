import type { Database } from '../../../db/client.js';
import { authMemberRepository } from '../../../db/repositories/auth-member-repository.js';
import { familyRepository } from '../../../db/repositories/family-repository.js';
import { ledgerRepository } from '../../../db/repositories/ledger-repository.js';
import type { StatementDto, StatementQuery } from '../../../contracts/billing.js';
import type { OrganizationContext } from '../../../domain/access/actor.js';
import { formatMoney } from '../../../domain/billing/money.js';
import { AppError } from '../../../domain/errors.js';
import { writeDate } from '../../../domain/formatting/intl-formats.js';

const MAX_STATEMENT_DAYS = 3 * 366;

/**
 * A family's statement for [from, to) (DESIGN.md "Family ledger"): the balance brought
 * forward, every ledger entry with who made it and the running balance, the closing balance.
 */
export async function getStatement(db: Database, organization: OrganizationContext, familyId: string, query: StatementQuery): Promise<StatementDto> {
  const family = await familyRepository.findById(db, organization.id, familyId);
  if (!family) throw new AppError('NOT_FOUND', 'No family has this id in your organization.');
  const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
  if (days > MAX_STATEMENT_DAYS) {
    throw new AppError('INVALID_DATE_RANGE', 'Ask for a statement of at most three years at a time.', {
      fields: [{ field: 'querystring.to', message: 'at most three years after the start' }],
    });
  }
  const [openingBalance, rows] = await Promise.all([
    ledgerRepository.balanceOfFamily(db, organization.id, familyId, query.from),
    ledgerRepository.listForFamily(db, organization.id, familyId, query),
  ]);
  const names = await authMemberRepository.namesByUserIds(db, rows.flatMap((r) => (r.actorUserId ? [r.actorUserId] : [])));
  let balance = openingBalance;
  const entries = rows.map((row) => {
    balance += row.amount;
    return {
      id: row.id,
      occurredOn: row.occurredOn,
      at: row.createdAt.toISOString(),
      kind: row.kind,
      description: row.description,
      invoiceId: row.invoiceId,
      amount: row.amount,
      balance,
      actorName: row.actorUserId ? (names.get(row.actorUserId) ?? null) : null,
    };
  });
  return {
    familyId,
    familyName: family.name,
    currency: organization.currency,
    from: query.from,
    to: query.to,
    openingBalance,
    closingBalance: balance,
    entries,
  };
}

/** The statement as CSV for a spreadsheet: dates and money as the organization writes them, one row per entry. */
export function statementCsv(statement: StatementDto, organization: OrganizationContext): string {
  const money = (amount: number) => formatMoney({ amount, currency: organization.currency, locale: organization.locale });
  const quoted = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  // Text people typed (reasons, names) must not start a spreadsheet formula.
  const text = (value: string) => quoted(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
  const date = (value: string) => quoted(writeDate(value, organization.locale));
  const rows = [
    ['Date', 'Description', 'Amount', 'Balance', 'By'],
    [date(statement.from), 'Balance brought forward', '', quoted(money(statement.openingBalance)), ''],
    ...statement.entries.map((e) => [date(e.occurredOn), text(e.description), quoted(money(e.amount)), quoted(money(e.balance)), text(e.actorName ?? '')]),
  ];
  return rows.map((row) => row.join(',')).join('\r\n') + '\r\n';
}
