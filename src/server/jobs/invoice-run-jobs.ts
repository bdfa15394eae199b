import { Temporal } from 'temporal-polyfill';
import { invoiceRunRepository } from '../../db/repositories/invoice-run-repository.js';
import { organizationRepository } from '../../db/repositories/organization-repository.js';
import { todayIn } from '../../domain/time/today.js';
import { systemClock, type Clock } from '../clock.js';
import { runInvoices } from '../services/billing/invoice-run.js';
import { remindDueInvoices } from '../services/notifications/remind-due-invoices.js';
import { dailyRunAt, dailyRunDone } from './daily-run-time.js';
import { defineJob } from './define-job.js';

export interface DailyInvoiceRun {
  organizationId: string;
  /** The organization's local day the run is for (YYYY-MM-DD). */
  day: string;
}

export const INVOICE_RUN_JOB = 'invoice-run';
export const INVOICE_RUN_SCHEDULE_JOB = 'invoice-run-schedule';

/**
 * The daily invoice run (DESIGN.md "The invoice run"): every minute the schedule looks for
 * organizations whose 02:00 has come today, in their own zone, without a finished run for the
 * day, and sends one `invoice-run` job for each, keyed by organization and day, so no two
 * servers run the same day at once. The run itself is idempotent and catches up after downtime.
 */
export function invoiceRunJobs(o: { clock?: Clock } = {}) {
  const clock = o.clock ?? systemClock;

  const schedule = defineJob({
    name: INVOICE_RUN_SCHEDULE_JOB,
    everySeconds: 60,
    async run({ db, send }) {
      const now = clock.now();
      const organizations = await organizationRepository.list(db);
      // Every zone's today is UTC's yesterday, today or tomorrow (UTC−12 to UTC+14).
      const runs = await invoiceRunRepository.finishedOnOrAfter(db, todayIn('UTC', now).subtract({ days: 1 }).toString());
      for (const organization of organizations) {
        const due = dailyRunAt({ timeZone: organization.timeZone, now });
        if (!due || dailyRunDone({ ...due, runs: runs.filter((r) => r.organizationId === organization.id) })) continue;
        const job: DailyInvoiceRun = { organizationId: organization.id, day: due.day.toString() };
        await send(INVOICE_RUN_JOB, job, { key: `${job.organizationId}:${job.day}` });
      }
    },
  });

  const run = defineJob<DailyInvoiceRun>({
    name: INVOICE_RUN_JOB,
    // A large organization's run takes a minute or two; past an hour it counts as lost.
    timeoutSeconds: 3600,
    async run({ db, data, signal, log }) {
      if (!data) return;
      const organization = await organizationRepository.findById(db, data.organizationId);
      if (!organization) return;
      const day = Temporal.PlainDate.from(data.day);
      // Checked again under the key's lock: another server may have finished the day meanwhile.
      const runs = await invoiceRunRepository.finishedOnOrAfter(db, data.day);
      if (dailyRunDone({ day, runs: runs.filter((r) => r.organizationId === organization.id) })) return;
      const started = performance.now();
      const result = await runInvoices(db, { organizationId: organization.id, today: day, signal });
      // The day's reminders go with the day's run: each open invoice due in three days, once.
      if (!signal.aborted) await remindDueInvoices(db, { ...organization, today: day });
      log.info(
        { organizationId: organization.id, day: data.day, issued: result.issued, ms: Math.round(performance.now() - started), stopped: signal.aborted },
        `invoice run of ${organization.name} for ${data.day}: ${result.issued} issued${signal.aborted ? ' (stopped by shutdown; resumes on restart)' : ''}`,
      );
    },
  });

  return [schedule, run] as const;
}
