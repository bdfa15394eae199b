import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../client.js';
import { faultPoint } from '../fault-injection.js';
import { auditEvents } from '../schema/index.js';

export interface AuditEntry {
  organizationId: string;
  actor: { userId: string | null; role: string | null };
  action: string;
  entityType: string;
  entityId: string;
  clientId?: string | null;
  before?: unknown;
  after?: unknown;
}

export const auditRepository = {
  /** Call inside the transaction of the write it describes. */
  async record(db: Database, entry: AuditEntry) {
    faultPoint('audit_events.insert');
    await db.insert(auditEvents).values({
      organizationId: entry.organizationId,
      actorUserId: entry.actor.userId,
      actorRole: entry.actor.role,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      clientId: entry.clientId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
    });
  },

  async listForClient(db: Database, organizationId: string, clientId: string, limit = 200) {
    return db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.clientId, clientId)))
      .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
      .limit(limit);
  },

  async listForEntity(db: Database, organizationId: string, entityType: string, entityId: string) {
    return db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.organizationId, organizationId),
          eq(auditEvents.entityType, entityType),
          eq(auditEvents.entityId, entityId),
        ),
      )
      .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id));
  },
};
