import type { Clock } from '../clock.js';
import type { JobDefinition } from './define-job.js';
import { invoiceRunJobs } from './invoice-run-jobs.js';
import { emailJobs } from './email-jobs.js';
import type { MailTransport } from '../services/notifications/mail-transport.js';

/**
 * Every background job of the API server: one entry each (docs/decisions/010-background-jobs.md).
 * The email sender runs only with a mail server (SMTP_URL); without one, messages wait in the outbox.
 */
export function appJobs(o: { clock?: Clock; mail?: { transport: MailTransport; fromAddress: string } } = {}): JobDefinition<never>[] {
  return [...invoiceRunJobs(o), ...(o.mail ? emailJobs(o.mail) : [])] as JobDefinition<never>[];
}
