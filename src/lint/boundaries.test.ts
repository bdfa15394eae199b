// The import boundaries of eslint.config.js, shown on small fixture sources: each boundary fires on a
// wrong import and stays quiet on a right one. The fixture files need not exist; their path decides
// which rules apply and where a relative import lands.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfigFile: 'eslint.config.js' });

async function problems(filePath: string, code: string, ruleId: string) {
  const [result] = await eslint.lintText(`${code}\n`, { filePath });
  if (!result) throw new Error(`ESLint returned no result for ${filePath}`);
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`${filePath} did not parse: ${fatal[0]?.message}`);
  return result.messages.filter((m) => m.ruleId === ruleId);
}

/** [file, import statement] pairs; `v` keeps the import in use, so only the boundary is judged. */
type Case = [file: string, code: string];

function boundary(title: string, wrong: Case[], right: Case[]) {
  describe(title, () => {
    it.each(wrong)('%s: %s fires', async (file, code) => {
      const found = await problems(file, code, 'boundaries/imports');
      expect(found).toHaveLength(1);
      expect(found[0]?.message).toContain('crosses a boundary');
    });
    it.each(right)('%s: %s is quiet', async (file, code) => {
      expect(await problems(file, code, 'boundaries/imports')).toEqual([]);
    });
  });
}

const domain = 'src/domain/billing/fixture.ts';
boundary(
  'src/domain imports only the domain and temporal-polyfill',
  [
    [domain, "import type { Database } from '../../db/client.js';"],
    [domain, "import { loadEnv } from '../../server/env.js';"],
    [domain, "import { http } from '../../web/api/http';"],
    [domain, "import { invoiceDto } from '../../contracts/billing.js';"],
    [domain, "export * from '../../db/client.js';"],
    [domain, "type T = import('../../db/client.js').Database;"],
    [domain, "const m = import('pg');"],
    [domain, "import { eq } from 'drizzle-orm';"],
    [domain, "import pg from 'pg';"],
    [domain, "import { PGlite } from '@electric-sql/pglite';"],
    [domain, "import Fastify from 'fastify';"],
    [domain, "import { betterAuth } from 'better-auth';"],
    [domain, "import { readFileSync } from 'node:fs';"],
    [domain, "import { readFileSync } from 'fs';"],
    [domain, "import { createServer } from 'node:http';"],
    [domain, "import { useState } from 'react';"],
    [domain, "import { z } from 'zod';"],
    [domain, "import { describe } from 'vitest';"],
    // The same folder at other depths.
    ['src/domain/fixture.ts', "import type { Database } from '../db/client.js';"],
    ['src/domain/a/b/fixture.ts', "import type { Database } from '../../../db/client.js';"],
    ['src/domain/billing/fixture.test.ts', "import pg from 'pg';"],
  ],
  [
    [domain, "import { formatMoney } from './money.js';"],
    [domain, "import { sessionDates } from '../schedule/session-dates.js';"],
    ['src/domain/fixture.ts', "import { AppError } from './errors.js';"],
    [domain, "import { Temporal } from 'temporal-polyfill';"],
    ['src/domain/billing/fixture.test.ts', "import { describe } from 'vitest';"],
    ['src/domain/billing/fixture.test.ts', "import fc from 'fast-check';"],
    ['src/domain/testing/fixture.ts', "import { expect } from 'vitest';"],
  ],
);

const db = 'src/db/seed/fixture.ts';
boundary(
  'src/db is below the server',
  [
    [db, "import { runInvoices } from '../../server/services/billing/invoice-run.js';"],
    [db, "import type { LedgerContext } from '../../server/services/billing/ledger.js';"],
    [db, "import { http } from '../../web/api/http';"],
    ['src/db/repositories/fixture.ts', "import { loadEnv } from '../../server/env.js';"],
    ['src/db/seed/fixture.integration-test.ts', "import { seedDemo } from '../../server/services/demo/seed-demo.js';"],
  ],
  [
    [db, "import { clientRepository } from '../repositories/client-repository.js';"],
    [db, "import { realSessionDates } from '../../domain/schedule/session-dates.js';"],
    [db, "import { eq } from 'drizzle-orm';"],
    ['src/server/services/demo/fixture.ts', "import { planDemo } from '../../../db/seed/demo.js';"],
  ],
);

const route = 'src/server/routes/catalog/fixture.ts';
boundary(
  'src/server/routes: no query in a route',
  [
    [route, "import { openDatabase } from '../../../db/client.js';"],
    // Under verbatimModuleSyntax an inline `type` still loads the module; only `import type` is erased.
    [route, "import { type Database } from '../../../db/client.js';"],
    [route, "import type { clients } from '../../../db/schema/index.js';"],
    [route, "import { clientRepository } from '../../../db/repositories/client-repository.js';"],
    [route, "import { tenantTable } from '../../../db/repositories/tenant-table.js';"],
    [route, "import { eq } from 'drizzle-orm';"],
    [route, "import type { PgColumn } from 'drizzle-orm/pg-core';"],
    [route, "import { http } from '../../../web/api/http';"],
    ['src/server/routes/fixture.ts', "import { clients } from '../../db/schema/index.js';"],
  ],
  [
    [route, "import type { Database } from '../../../db/client.js';"],
    [route, "import type { PageRequest } from '../../../db/repositories/tenant-table.js';"],
    [route, "import { listClients } from '../../services/catalog/catalog-services.js';"],
    [route, "import { createClientBody } from '../../../contracts/families.js';"],
    [route, "import type { FastifyInstance } from 'fastify';"],
    // Route tests seed and check rows through the db.
    ['src/server/routes/catalog/fixture.integration-test.ts', "import { buildFamily } from '../../../db/seed/builders.js';"],
    ['src/server/routes/catalog/fixture.integration-test.ts', "import { eq } from 'drizzle-orm';"],
  ],
);

const service = 'src/server/services/catalog/fixture.ts';
boundary(
  'src/server/services: repositories for queries, no routes or HTTP',
  [
    [service, "import { catalogRoutes } from '../../routes/catalog/catalog-routes.js';"],
    [service, "import { problem } from '../../http/problem.js';"],
    [service, "import type { FastifyRequest } from 'fastify';"],
    [service, "import fastifyStatic from '@fastify/static';"],
    [service, "import { clients } from '../../../db/schema/index.js';"],
    [service, "import type { clients } from '../../../db/schema/clients.js';"],
    [service, "import { and, eq } from 'drizzle-orm';"],
    [service, "import type { PgColumn } from 'drizzle-orm/pg-core';"],
    [service, "import { http } from '../../../web/api/http';"],
    ['src/server/services/fixture.ts', "import { catalogRoutes } from '../routes/catalog/catalog-routes.js';"],
  ],
  [
    [service, "import type { Database } from '../../../db/client.js';"],
    [service, "import { clientRepository } from '../../../db/repositories/client-repository.js';"],
    [service, "import { AppError } from '../../../domain/errors.js';"],
    [service, "import type { Actor } from '../../../domain/access/actor.js';"],
    [service, "import type { ClientDto } from '../../../contracts/families.js';"],
    [service, "import { seatCheck } from '../enrollment/seat-check.js';"],
    // A folder of the service's own named like a layer is not that layer.
    [service, "import { helper } from './routes/helper.js';"],
    ['src/server/services/catalog/fixture.integration-test.ts', "import { clients } from '../../../db/schema/index.js';"],
  ],
);

const web = 'src/web/features/catalog/api/fixture.ts';
boundary(
  'src/web imports contracts and domain, not server or db code',
  [
    [web, "import type { clients } from '../../../../db/schema/index.js';"],
    [web, "import type { Database } from '../../../../db/client';"],
    [web, "import { buildApp } from '../../../../server/app';"],
    [web, "import type { SessionDto } from '../../../../server/services/sessions/session-service';"],
    [web, "import { eq } from 'drizzle-orm';"],
    [web, "import Fastify from 'fastify';"],
    ['src/web/app/fixture.test.ts', "import { buildApp } from '../../server/app';"],
  ],
  [
    [web, "import type { ClientDto } from '../../../../contracts/families';"],
    [web, "import { formatMoney } from '../../../../domain/billing/money';"],
    [web, "import { http } from '../../../api/http';"],
    [web, "import { useQuery } from '@tanstack/react-query';"],
  ],
);

const contract = 'src/contracts/fixture.ts';
boundary(
  'src/contracts hold zod schemas and DTO types only',
  [
    [contract, "import { clients } from '../db/schema/index.js';"],
    [contract, "import { loadEnv } from '../server/env.js';"],
    [contract, "import type { ClientDto } from '../web/api/types';"],
    [contract, "import { eq } from 'drizzle-orm';"],
  ],
  [
    [contract, "import { z } from 'zod';"],
    [contract, "import { id } from './fields.js';"],
    [contract, "import { invoiceStatuses } from '../domain/billing/value-sets.js';"],
  ],
);

describe('@typescript-eslint/no-explicit-any: an error outside tests', () => {
  const code = 'export const v: any = 1;';
  it.each(['src/server/fixture.ts', 'src/domain/fixture.ts', 'src/web/fixture.tsx', 'scripts/bench/fixture.ts'])(
    '%s fires',
    async (file) => {
      expect(await problems(file, code, '@typescript-eslint/no-explicit-any')).toHaveLength(1);
    },
  );
  it.each([
    'src/server/fixture.test.ts',
    'src/server/fixture.integration-test.ts',
    'src/reliability/fixture.reliability-test.ts',
    'src/reliability/support/fixture.ts',
    'src/server/testing/fixture.ts',
    'e2e/fixtures/fixture.ts',
  ])('%s is quiet', async (file) => {
    expect(await problems(file, code, '@typescript-eslint/no-explicit-any')).toEqual([]);
  });
});
