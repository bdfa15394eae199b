import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import { auditRepository } from '../../../db/repositories/audit-repository.js';
import { organizationRepository } from '../../../db/repositories/organization-repository.js';
import type { BillingSettingsDto, BillingSettingsInput, InvoiceRunDto } from '../../../contracts/billing.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';
import { AppError } from '../../../domain/errors.js';
import { writeDate } from '../../../domain/formatting/intl-formats.js';
import { runInvoices } from './invoice-run.js';

export async function getBillingSettings(db: Database, organization: OrganizationContext): Promise<BillingSettingsDto> {
  return organizationRepository.billingSettings(db, organization.id);
}

/** A manager sets when invoices are issued and due, and whether the run applies account credit. */
export async function changeBillingSettings(
  db: Database,
  organization: OrganizationContext,
  actor: Actor,
  input: BillingSettingsInput,
): Promise<BillingSettingsDto> {
  return db.transaction(async (tx) => {
    const before = await organizationRepository.billingSettings(tx, organization.id);
    await organizationRepository.updateBillingSettings(tx, organization.id, input);
    const after = await organizationRepository.billingSettings(tx, organization.id);
    await auditRepository.record(tx, {
      organizationId: organization.id,
      actor,
      action: 'organization.billing_settings_changed',
      entityType: 'organization',
      entityId: organization.id,
      before,
      after,
    });
    return after;
  });
}

/** How far from today a run may be asked for by hand: the catch-up horizon back, a month ahead. */
const RUN_DATE_LIMIT_DAYS = 31;

/**
 * Runs the invoice run now, as of today or a date near it (the daily job does the same at
 * 02:00): refused for a date far from today, where a mistyped year would bill months ahead.
 */
export async function runInvoicesNow(db: Database, organization: OrganizationContext, input: { today?: string | undefined }): Promise<InvoiceRunDto> {
  const today = input.today ? Temporal.PlainDate.from(input.today) : organization.today;
  assertRunDateNearToday(today, organization.today, organization.locale, 'body.today');
  return runInvoices(db, { organizationId: organization.id, today });
}

export function assertRunDateNearToday(date: Temporal.PlainDate, today: Temporal.PlainDate, locale: string, field: string) {
  const days = Math.abs(today.until(date).days);
  if (days <= RUN_DATE_LIMIT_DAYS) return;
  throw new AppError(
    'INVALID_DATE_RANGE',
    `A run as of ${writeDate(date, locale)} is ${days} days from today (${writeDate(today, locale)}); ` +
      `run as of a date at most ${RUN_DATE_LIMIT_DAYS} days away.`,
    { fields: [{ field, message: `at most ${RUN_DATE_LIMIT_DAYS} days from today` }] },
  );
}
