import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../../../db/client.js';
import { calendarFeedDto } from '../../../contracts/calendar-feeds.js';
import { idParamsSchema } from '../../../contracts/fields.js';
import { ownInstructor, type CalendarFeedOwner, type FeedActor } from '../../services/calendar-feeds/calendar-feed-owner.js';
import { renewCalendarFeed } from '../../services/calendar-feeds/renew-calendar-feed.js';
import { showCalendarFeed } from '../../services/calendar-feeds/show-calendar-feed.js';
import { turnOffCalendarFeed } from '../../services/calendar-feeds/turn-off-calendar-feed.js';
import type { RouteAccess } from '../../http/organization-scope.js';

const tags = ['calendar feeds'];

/** One owner's feed: show it, make a new address (the old one stops working), turn it off. */
interface FeedRoutes {
  url: string;
  /** Whose feed, e.g. "Family" (operationIds) and "a family's" (summaries). */
  noun: string;
  whose: string;
  read: RouteAccess;
  write: RouteAccess;
  params?: typeof idParamsSchema;
  owner: (request: FastifyRequest) => CalendarFeedOwner | Promise<CalendarFeedOwner>;
  actor: (request: FastifyRequest) => FeedActor;
}

function registerFeedRoutes(app: FastifyInstance, db: Database, o: FeedRoutes) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const params = o.params ? { params: o.params } : {};
  typed.get(o.url, {
    config: { access: o.read },
    schema: { operationId: `get${o.noun}CalendarFeed`, tags, summary: `The address of ${o.whose} calendar feed, or null when it is off`, ...params, response: { 200: calendarFeedDto } },
    handler: async (request) => showCalendarFeed(db, request.organization, await o.owner(request)),
  });
  typed.post(o.url, {
    config: { access: o.write },
    schema: { operationId: `renew${o.noun}CalendarFeed`, tags, summary: `A new address for ${o.whose} calendar feed; the old address stops working`, ...params, response: { 201: calendarFeedDto } },
    handler: async (request, reply) => reply.code(201).send(await renewCalendarFeed(db, request.organization, o.actor(request), await o.owner(request))),
  });
  typed.delete(o.url, {
    config: { access: o.write },
    schema: { operationId: `turnOff${o.noun}CalendarFeed`, tags, summary: `Turn ${o.whose} calendar feed off; its address stops working`, ...params, response: { 200: calendarFeedDto } },
    handler: async (request) => turnOffCalendarFeed(db, request.organization, o.actor(request), await o.owner(request)),
  });
}

const staff = (request: FastifyRequest): FeedActor => ({ userId: request.actor.userId, role: request.actor.role });
const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

/** Private calendar feeds (DESIGN.md "The family portal"): families' and instructors', for staff, instructors and guardians. */
export function registerCalendarFeedRoutes(app: FastifyInstance, db: Database) {
  registerFeedRoutes(app, db, {
    url: '/api/families/:id/calendar-feed',
    noun: 'Family',
    whose: "a family's",
    read: 'clients.read',
    write: 'clients.write',
    params: idParamsSchema,
    owner: (request) => ({ familyId: idOf(request) }),
    actor: staff,
  });
  registerFeedRoutes(app, db, {
    url: '/api/instructors/:id/calendar-feed',
    noun: 'Instructor',
    whose: "an instructor's",
    read: 'catalog.write',
    write: 'catalog.write',
    params: idParamsSchema,
    owner: (request) => ({ instructorId: idOf(request) }),
    actor: staff,
  });
  // An instructor's own feed: the instructor whose email is the login's.
  registerFeedRoutes(app, db, {
    url: '/api/me/calendar-feed',
    noun: 'OwnInstructor',
    whose: "the signed-in instructor's",
    read: 'schedule.read',
    write: 'schedule.read',
    owner: (request) => ownInstructor(db, request.organization.id, request.actor),
    actor: staff,
  });
  // A guardian's family, in the family portal.
  registerFeedRoutes(app, db, {
    url: '/api/portal/calendar-feed',
    noun: 'Portal',
    whose: "the guardian's family's",
    read: 'guardian',
    write: 'guardian',
    owner: (request) => ({ familyId: request.guardian.familyId }),
    actor: (request) => ({ userId: request.guardian.userId, role: 'guardian' }),
  });
}
