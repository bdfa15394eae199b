import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../db/client.js';

export function registerBillingRoutes(_app: FastifyInstance, _db: Database) {}
