import type { Database } from '../../../db/client.js';
import { auditRepository } from '../../../db/repositories/audit-repository.js';
import { firstRunRepository } from '../../../db/repositories/first-run-repository.js';
import { organizationRepository } from '../../../db/repositories/organization-repository.js';
import { staffRepository } from '../../../db/repositories/staff-repository.js';
import { AppError } from '../../../domain/errors.js';
import type { SetupDoneDto, SetupInput, SetupStatusDto } from '../../../contracts/setup.js';

const alreadySetUp = () =>
  new AppError('CONFLICT', 'This installation is already set up. Sign in, or ask its owner to add you as staff.');

/** Whether the first run is still to come (no organization yet). */
export async function setupStatus(db: Database): Promise<SetupStatusDto> {
  return { needed: !(await firstRunRepository.anyOrganization(db)) };
}

/**
 * The first run: the organization and its owner's login, in one transaction. Refused once any
 * organization exists; two at once take turns under a database lock, so only one succeeds
 * (whichever server each reached). `npm run create-organization` runs the same use case.
 */
export async function setUpOrganization(db: Database, input: SetupInput): Promise<SetupDoneDto> {
  return db.transaction(async (tx) => {
    await firstRunRepository.takeTurn(tx);
    if (await firstRunRepository.anyOrganization(tx)) throw alreadySetUp();

    const organization = await organizationRepository.insert(tx, {
      name: input.organizationName,
      timeZone: input.timeZone,
      currency: input.currency,
      locale: input.locale,
    });
    const owner = await staffRepository.create(tx, {
      organizationId: organization.id,
      name: input.ownerName,
      email: input.ownerEmail,
      password: input.ownerPassword,
      role: 'owner',
    });
    const done: SetupDoneDto = {
      organization: { id: organization.id, name: organization.name, timeZone: organization.timeZone, currency: organization.currency, locale: organization.locale },
      owner: { userId: owner.id, name: owner.name, email: owner.email },
    };
    await auditRepository.record(tx, {
      organizationId: organization.id,
      actor: { userId: owner.id, role: 'owner' },
      action: 'organization.set_up',
      entityType: 'organization',
      entityId: organization.id,
      after: done,
    });
    return done;
  });
}
