import type { Clock } from '../clock.js';
import type { JobDefinition } from './define-job.js';
import { invoiceRunJobs } from './invoice-run-jobs.js';

/** Every background job of the API server: one entry each (docs/decisions/010-background-jobs.md). */
export function appJobs(o: { clock?: Clock } = {}): JobDefinition<never>[] {
  return [...invoiceRunJobs(o)] as JobDefinition<never>[];
}
