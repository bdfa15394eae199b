import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openDatabase, type DatabaseHandle } from '../db/client.js';
import { buildApp } from './app.js';
import { authSecret } from './auth/secret.js';
import { loadEnv } from './env.js';
import { appJobs } from './jobs/app-jobs.js';
import type { Jobs } from './jobs/define-job.js';
import { noJobs, startJobs } from './jobs/start-jobs.js';
import { migrateDatabase } from './migrate-database.js';
import { demoLoginsPresent, loadDemoOnFirstStart } from './services/demo/seed-demo.js';
import { todayIn } from '../domain/time/today.js';
import { mailAddressOf, smtpTransport } from './services/notifications/mail-transport.js';
import { configureMessageLinks } from './services/notifications/message-links.js';
import { SEND_EMAIL_JOB } from './jobs/email-jobs.js';

/** `npm start`: migrate, serve the API, and load the demo data when asked (DEMO_DATA) on an empty database. */
async function main() {
  let env;
  try {
    env = loadEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const production = env.NODE_ENV === 'production';
  if (!env.DATABASE_URL) mkdirSync(env.DATA_DIR, { recursive: true });
  // With the demo (never in production) the server listens at once and the database is made ready
  // behind hold-while-loading's 503: creating it, migrating and writing the demo take a minute the
  // first time. Without it, the server listens once the database is ready, as production does.
  const listenFirst = env.DEMO_DATA;
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, waitUntilOpen: !listenFirst });
  const preparing = prepareDatabase(database, { production, demoData: env.DEMO_DATA });
  // Answered where it is awaited: after listening, a failure stops the server with its reason.
  preparing.catch(() => {});
  let demo = listenFirst ? null : await preparing;

  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  configureMessageLinks({ publicUrl, mailFrom: env.MAIL_FROM });
  // Without SMTP_URL messages stay in the outbox, readable in the app, and nothing is sent.
  const mail = env.SMTP_URL ? { transport: smtpTransport(env.SMTP_URL), fromAddress: mailAddressOf(env.MAIL_FROM) } : undefined;
  let jobs: Jobs = noJobs;
  let demoLoading = listenFirst;
  const app = await buildApp({
    demoLoading: () => demoLoading,
    // Without SMTP there is nothing to send, so nothing to wake.
    wakeMessageSender: () => {
      if (mail) jobs.wake(SEND_EMAIL_JOB);
    },
    db: database.db,
    logger: { level: env.LOG_LEVEL },
    trustProxy: env.TRUST_PROXY,
    apiDocs: env.API_DOCS,
    hsts: production && publicUrl.startsWith('https:'),
    webAppDirectory: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    auth: {
      baseURL: publicUrl,
      secret: authSecret({ configured: env.AUTH_SECRET, dataDir: env.DATA_DIR }),
      signInAttemptsPerMinute: env.SIGN_IN_ATTEMPTS_PER_MINUTE,
      // The Vite dev server (npm run dev) serves the web app from its own port.
      trustedOrigins: production ? [publicUrl] : [publicUrl, 'http://localhost:5173'],
      secureCookies: production,
    },
  });

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    // Jobs first: a running invoice run stops between batches, before the database closes.
    await jobs.stop();
    await app.close();
    mail?.transport.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: env.PORT, host: env.HOST });
  if (listenFirst) {
    app.log.info(`Listening on ${publicUrl}; preparing the database and the demo data (the first time, about a minute)…`);
    try {
      demo = await preparing;
    } catch (error) {
      app.log.error({ err: error }, 'The database or the demo data could not be prepared; stopping (nothing of the demo was kept).');
      await app.close();
      await database.close().catch(() => {});
      process.exit(1);
    }
    demoLoading = false;
  }
  // Jobs start once the demo is in place: until then its one transaction holds the database.
  if (env.JOBS === 'on') {
    jobs = await startJobs({ database, databaseUrl: env.DATABASE_URL, jobs: appJobs({ ...(mail ? { mail } : {}) }), log: app.log.child({ component: 'jobs' }) });
  }
  const docs = env.API_DOCS ? ' — API docs at /docs' : '';
  app.log.info(
    { engine: database.engine, demoOrganizationId: demo?.organizationId ?? null },
    demo
      ? `Ready on ${publicUrl}${docs}; log in as owner@riverside-swim.example.com / swim-demo-2026`
      : `Ready on ${publicUrl}${docs}; a new installation is set up at ${publicUrl}/welcome`,
  );
}

/** Migrates; in production refuses a database with the demo logins; loads the demo when asked (on an empty database). */
async function prepareDatabase(database: DatabaseHandle, o: { production: boolean; demoData: boolean }): Promise<{ organizationId: string } | null> {
  await migrateDatabase(database);
  if (o.production) {
    const demoLogins = await demoLoginsPresent(database.db);
    if (demoLogins.length > 0) {
      console.error(
        `Not starting: this database has the demo logins (${demoLogins.join(', ')}), whose password is published in the README. ` +
          'Production needs a database without the demo data: start with an empty one and set up the organization at /welcome or with npm run create-organization.',
      );
      await database.close();
      process.exit(1);
    }
  }
  return o.demoData ? loadDemoOnFirstStart(database.db, { today: todayIn('America/New_York') }) : null;
}

await main();
