import { createHmac, randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { authMembers, authSessions } from '../../db/schema/index.js';
import type { Role } from '../../domain/access/permissions.js';
import { rows } from './databases.js';

/** Inserts `count` clients (one family each unless a family is given); returns their ids and families, in order. */
export async function bulkClients(db: Database, o: { organizationId: string; count: number; familyId?: string; label?: string }) {
  const label = o.label ?? 'Client';
  if (o.familyId) {
    return rows<{ id: string; family_id: string }>(
      db,
      sql`insert into clients (organization_id, family_id, first_name, last_name)
          select ${o.organizationId}, ${o.familyId}, ${label}, 'Number ' || g from generate_series(1, ${o.count}) g
          returning id, family_id`,
    );
  }
  return rows<{ id: string; family_id: string }>(
    db,
    sql`with f as (
          insert into families (organization_id, name)
          select ${o.organizationId}, ${label} || ' family ' || g from generate_series(1, ${o.count}) g
          returning id
        )
        insert into clients (organization_id, family_id, first_name, last_name)
        select ${o.organizationId}, f.id, ${label}, 'Number ' || row_number() over () from f
        returning id, family_id`,
  );
}

/** Enrolls the clients in a session from `startsOn`, ongoing, at the session's plan and price; returns subscription ids. */
export async function bulkSubscriptions(db: Database, o: { organizationId: string; sessionId: string; clientIds: readonly string[]; startsOn: string }) {
  if (o.clientIds.length === 0) return [];
  const inserted = await rows<{ id: string; client_id: string }>(
    db,
    sql`insert into subscriptions (organization_id, client_id, session_id, starts_on, payment_plan, price_snapshot)
        select ${o.organizationId}, c.id, s.id, ${o.startsOn}::date, s.payment_plan, s.price
        from unnest(${sql.raw(`array[${o.clientIds.map((id) => `'${id}'`).join(',')}]::uuid[]`)}) as c(id)
        cross join sessions s where s.organization_id = ${o.organizationId} and s.id = ${o.sessionId}
        returning id, client_id`,
  );
  const byClient = new Map(inserted.map((r) => [r.client_id, r.id]));
  return o.clientIds.map((id) => byClient.get(id)!);
}

/**
 * The most clients enrolled on any real date of each session (cancelled dates excluded, moved
 * dates at their new date) from `from` to `to`, next to its capacity: counted by SQL alone.
 */
export async function overfilledDates(db: Database, o: { organizationId: string; from: string; to: string }) {
  return rows<{ session_id: string; date: string; enrolled: number; capacity: number }>(
    db,
    sql`with dates as (
          select s.id as session_id, s.capacity, d::date as date
          from sessions s, generate_series(greatest(s.starts_on, ${o.from}::date), least(coalesce(s.ends_on - 1, ${o.to}::date), ${o.to}::date), interval '1 day') d
          where s.organization_id = ${o.organizationId}
            and extract(isodow from d)::smallint = any(s.weekdays)
            and not exists (select 1 from session_date_exceptions e
                            where e.organization_id = s.organization_id and e.session_id = s.id and e.date = d::date)
          union
          select s.id, s.capacity, e.to_date from sessions s
          join session_date_exceptions e on e.organization_id = s.organization_id and e.session_id = s.id and e.kind = 'moved'
          where s.organization_id = ${o.organizationId}
        ),
        counts as (
          select d.session_id, d.capacity, d.date,
                 (select count(*) from subscriptions x
                  where x.organization_id = ${o.organizationId} and x.session_id = d.session_id and x.status = 'active'
                    and x.starts_on <= d.date and (x.ends_on is null or x.ends_on > d.date))::int as enrolled
          from dates d
        )
        select session_id, date::text as date, enrolled, capacity from counts where enrolled > capacity order by date`,
  );
}

/**
 * The same staff member's session in another organization, without another sign-in: a suite with
 * hundreds of organizations cannot afford a password hash per organization. Makes the staff member
 * a member of `organizationId` with `role` and copies the signed-in session (a new token, that
 * organization active), signed as better-auth signs its cookie (`token.base64(HMAC-SHA256(secret,
 * token))`). The sign-in itself went through better-auth; every request still goes through the
 * server's own session check.
 */
export async function sessionInOrganization(db: Database, o: { cookie: string; organizationId: string; role: Role; secret: string }): Promise<string> {
  const part = o.cookie.split('; ').find((c) => c.startsWith('better-auth.session_token='));
  if (!part) throw new Error('No better-auth session cookie: sign in first');
  const signed = decodeURIComponent(part.slice(part.indexOf('=') + 1));
  const token = signed.slice(0, signed.lastIndexOf('.'));
  const [session] = await db.select().from(authSessions).where(eq(authSessions.token, token));
  if (!session) throw new Error('No session for this cookie: sign in first');
  await db.insert(authMembers).values({ id: randomUUID(), organizationId: o.organizationId, userId: session.userId, role: o.role });
  const copy = randomUUID().replaceAll('-', '');
  await db.insert(authSessions).values({ id: randomUUID(), token: copy, expiresAt: session.expiresAt, userId: session.userId, activeOrganizationId: o.organizationId });
  const signature = createHmac('sha256', o.secret).update(copy).digest('base64');
  return `better-auth.session_token=${encodeURIComponent(`${copy}.${signature}`)}`;
}
