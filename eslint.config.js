// ESLint: @eslint/js and typescript-eslint recommended (not type-checked, to stay fast), plus the
// import boundaries of STYLE.md rule 12, enforced by the local rule in eslint/boundaries.js. That
// rule resolves each relative import against the importing file's folder, so the boundaries hold
// at any folder depth; src/lint/boundaries.test.ts shows each one firing and staying quiet.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import boundaries from './eslint/boundaries.js';

const tests = ['**/*.test.{ts,tsx}', '**/*.integration-test.ts', '**/*.reliability-test.ts', 'src/**/testing/**'];

/** Packages that open connections, files or servers: never in code the browser or the domain runs. */
const serverOnlyPackages = ['drizzle-orm', 'pg', '@electric-sql/pglite', 'fastify*', '@fastify/*', 'pino'];
const forbidPackages = (packages, message) => packages.map((name) => ({ package: name, message }));

const domainMessage =
  'src/domain is pure TypeScript: it imports only src/domain and temporal-polyfill (tests also vitest and fast-check). ' +
  'Reads and writes belong in src/db/repositories, request and response shapes in src/contracts, ' +
  'and a service in src/server/services passes the domain plain values.';
const routeQueryMessage =
  'no query in a route (STYLE.md rules 1 and 3): a route parses, calls one service and maps the result; ' +
  'queries belong in src/db/repositories, called by a service in src/server/services. ' +
  "A route may only 'import type' the Database handle (src/db/client) and page types (src/db/repositories/tenant-table) to pass on.";
const serviceQueryMessage =
  'queries belong in a repository in src/db/repositories (STYLE.md rule 3): a service calls repository functions ' +
  'with the Database handle from src/db/client, and row types come from the repository.';
const serviceHttpMessage =
  'a service knows nothing of HTTP or its routes: request and response schemas belong in src/contracts, the actor and ' +
  'organization context in src/domain/access, and failures are AppErrors (src/domain/errors) that src/server/http maps.';
const dbMessage =
  'src/db is below the server: schema, migrations, repositories and seed data import src/domain, never src/server or src/web. ' +
  'A use case that needs a service as well (such as seeding the demo and billing it with the engine) belongs in ' +
  'src/server/services and calls src/db from there.';
const serverWebMessage = 'the server does not import the web app; what both need belongs in src/contracts or src/domain.';
const webMessage =
  'the web app never imports server or database code (STYLE.md rule 4): API types come from src/contracts ' +
  '(see src/web/api/types.ts), pure rules from src/domain, and data through src/web/api/http.';
const contractsMessage =
  'src/contracts is shared by the server and the web: it holds zod schemas and DTO types built from zod, other ' +
  'contracts and src/domain only; mapping rows to DTOs belongs in a service or repository.';

export default defineConfig([
  globalIgnores(['dist/', 'test-results/', 'playwright-report/', 'src/db/migrations/', 'data/']),

  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'house settings',
    rules: {
      // `const { dropped: _, ...kept } = value` is how the code leaves out a field.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },

  {
    // Tests and their support may fake loosely typed input; scripts/ (bench included) may not.
    name: 'tests may use any',
    files: [...tests, 'src/reliability/**', 'e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },

  // ---- import boundaries (STYLE.md rule 12) ----
  { name: 'boundaries plugin', plugins: { boundaries } },
  {
    name: 'boundaries: the domain is pure',
    files: ['src/domain/**/*.{ts,tsx}'],
    rules: {
      'boundaries/imports': [
        'error',
        { allowOnly: { folders: ['src/domain'], packages: ['temporal-polyfill'], message: domainMessage } },
      ],
    },
  },
  {
    name: 'boundaries: domain tests may also use the test tools',
    files: ['src/domain/**/*.test.ts', 'src/domain/**/testing/**'],
    rules: {
      'boundaries/imports': [
        'error',
        {
          allowOnly: {
            folders: ['src/domain'],
            packages: ['temporal-polyfill', 'vitest', 'fast-check'],
            message: domainMessage,
          },
        },
      ],
    },
  },
  {
    // Tests too: a db test that needs a service belongs beside the service.
    name: 'boundaries: the db layer is below the server',
    files: ['src/db/**/*.{ts,tsx}'],
    rules: {
      'boundaries/imports': [
        'error',
        {
          forbid: [
            { folder: 'src/server', message: dbMessage },
            { folder: 'src/web', message: dbMessage },
          ],
        },
      ],
    },
  },
  {
    // Route tests are exempt: they seed through src/db/seed and check rows through repositories.
    name: 'boundaries: routes are thin',
    files: ['src/server/routes/**/*.{ts,tsx}'],
    ignores: tests,
    rules: {
      'boundaries/imports': [
        'error',
        {
          forbid: [
            {
              folder: 'src/db',
              allowTypeOnly: ['src/db/client', 'src/db/repositories/tenant-table'],
              message: routeQueryMessage,
            },
            ...forbidPackages(['drizzle-orm', 'pg', '@electric-sql/pglite'], routeQueryMessage),
            { folder: 'src/web', message: serverWebMessage },
          ],
        },
      ],
    },
  },
  {
    // Service tests are exempt like route tests.
    name: 'boundaries: services use repositories and know no HTTP',
    files: ['src/server/services/**/*.{ts,tsx}'],
    ignores: tests,
    rules: {
      'boundaries/imports': [
        'error',
        {
          forbid: [
            { folder: 'src/server/routes', message: serviceHttpMessage },
            { folder: 'src/server/http', message: serviceHttpMessage },
            ...forbidPackages(['fastify*', '@fastify/*'], serviceHttpMessage),
            { folder: 'src/db/schema', message: serviceQueryMessage },
            ...forbidPackages(['drizzle-orm', 'pg', '@electric-sql/pglite'], serviceQueryMessage),
            { folder: 'src/web', message: serverWebMessage },
          ],
        },
      ],
    },
  },
  {
    name: 'boundaries: the web imports contracts and domain, not server code',
    files: ['src/web/**/*.{ts,tsx}'],
    rules: {
      'boundaries/imports': [
        'error',
        {
          forbid: [
            { folder: 'src/db', message: webMessage },
            { folder: 'src/server', message: webMessage },
            ...forbidPackages(serverOnlyPackages, webMessage),
          ],
        },
      ],
    },
  },
  {
    name: 'boundaries: contracts are shared with the web',
    files: ['src/contracts/**/*.{ts,tsx}'],
    rules: {
      'boundaries/imports': [
        'error',
        {
          forbid: [
            { folder: 'src/db', message: contractsMessage },
            { folder: 'src/server', message: contractsMessage },
            { folder: 'src/web', message: contractsMessage },
            ...forbidPackages(serverOnlyPackages, contractsMessage),
          ],
        },
      ],
    },
  },
]);
