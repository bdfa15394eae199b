import type { Database } from '../../../db/client.js';
import type { ListCriteria, Page, PageRequest, tenantTable } from '../../../db/repositories/tenant-table.js';
import { AppError } from '../../../domain/errors.js';
import { auditRepository } from '../../../db/repositories/audit-repository.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';

type Repository = ReturnType<typeof tenantTable>;

/** The catalog's create/read/update/list use cases, described once per entity. */
export interface ResourceService<Dto, Create, Update, Filter> {
  create(db: Database, organization: OrganizationContext, actor: Actor, input: Create): Promise<Dto>;
  get(db: Database, organization: OrganizationContext, id: string): Promise<Dto | undefined>;
  update(db: Database, organization: OrganizationContext, actor: Actor, id: string, input: Update): Promise<Dto | undefined>;
  list(db: Database, organization: OrganizationContext, page: PageRequest & Filter): Promise<Page<Dto>>;
}

/** A field that names another record of the same organization, e.g. a client's familyId. */
export interface Reference {
  field: string;
  noun: string;
  repository: Pick<Repository, 'findById'>;
}

/** Checks every referenced id exists in this organization, naming the field when not. */
export async function assertReferencesExist(
  db: Database,
  organizationId: string,
  input: Record<string, unknown>,
  references: readonly Reference[],
) {
  for (const { field, noun, repository } of references) {
    const id = input[field];
    if (typeof id !== 'string') continue;
    if (!(await repository.findById(db, organizationId, id))) {
      throw new AppError('VALIDATION_FAILED', `No ${noun} has this id in your organization; choose one from the list.`, {
        fields: [{ field: `body.${field}`, message: `no ${noun} has this id` }],
      });
    }
  }
}

/**
 * Create/read/update/list for catalog entities that have no rules beyond their
 * schema and their references. Entities with rules (sessions) write their own.
 */
export function resourceService<Row, Dto extends { id: string }, Create extends object, Filter extends object>(options: {
  repository: {
    insert(db: Database, organizationId: string, values: never): Promise<Row>;
    findById(db: Database, organizationId: string, id: string): Promise<Row | undefined>;
    findByIdForUpdate(db: Database, organizationId: string, id: string): Promise<Row | undefined>;
    update(db: Database, organizationId: string, id: string, values: never): Promise<Row | undefined>;
    list(db: Database, organizationId: string, page: PageRequest, criteria?: ListCriteria): Promise<Page<Row>>;
  };
  toDto: (row: Row) => Dto;
  /** What the audit history calls it, e.g. `client`. */
  noun: string;
  references?: readonly Reference[];
}): ResourceService<Dto, Create, Partial<Create>, Filter> {
  const { repository, toDto, noun, references = [] } = options;
  const audit = (db: Database, organizationId: string, actor: Actor, action: string, before: Dto | null, after: Dto & { id: string }) =>
    auditRepository.record(db, {
      organizationId,
      actor,
      action: `${noun}.${action}`,
      entityType: noun,
      entityId: after.id,
      clientId: noun === 'client' ? after.id : null,
      before,
      after,
    });
  return {
    async create(db, organization, actor, input) {
      return db.transaction(async (tx) => {
        await assertReferencesExist(tx, organization.id, input as Record<string, unknown>, references);
        const created = toDto(await repository.insert(tx, organization.id, input as never));
        await audit(tx, organization.id, actor, 'created', null, created);
        return created;
      });
    },
    async get(db, organization, id) {
      const row = await repository.findById(db, organization.id, id);
      return row && toDto(row);
    },
    async update(db, organization, actor, id, input) {
      return db.transaction(async (tx) => {
        const current = await repository.findByIdForUpdate(tx, organization.id, id);
        if (!current) return undefined;
        await assertReferencesExist(tx, organization.id, input as Record<string, unknown>, references);
        const updated = toDto((await repository.update(tx, organization.id, id, input as never))!);
        await audit(tx, organization.id, actor, 'updated', toDto(current), updated);
        return updated;
      });
    },
    async list(db, organization, query) {
      // The list's filters (e.g. familyId, search) as the repository declares them.
      const { limit, offset, ...criteria } = query as PageRequest & ListCriteria;
      const page = await repository.list(db, organization.id, { limit, offset }, criteria);
      return { ...page, items: page.items.map(toDto) };
    },
  };
}
