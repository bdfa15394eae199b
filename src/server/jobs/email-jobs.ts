import type { MailTransport } from '../services/notifications/mail-transport.js';
import { sendWaitingMessages } from '../services/notifications/send-waiting-messages.js';
import { defineJob } from './define-job.js';

export const SEND_EMAIL_JOB = 'send-email';

/**
 * The outbox's sender (DESIGN.md "Notifications", docs/decisions/013): every few seconds, and
 * right after a request that may have written messages (the server wakes it), it sends what
 * waits. Several servers may run it at once: the outbox's claim gives each message to one.
 */
export function emailJobs(o: { transport: MailTransport; fromAddress: string }) {
  return [
    defineJob({
      name: SEND_EMAIL_JOB,
      everySeconds: 5,
      // A round stops taking messages past this; what it holds is let go after the claim's hold.
      timeoutSeconds: 600,
      async run({ db, log }) {
        const round = await sendWaitingMessages(db, o.transport, { fromAddress: o.fromAddress });
        if (round.sent + round.retrying + round.failed > 0) log.info({ ...round }, `emails: ${round.sent} sent, ${round.retrying} to retry, ${round.failed} failed`);
      },
    }),
  ] as const;
}
