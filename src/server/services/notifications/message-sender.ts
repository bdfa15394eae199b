import type { Database } from '../../../db/client.js';
import type { MailTransport } from './mail-transport.js';
import { sendWaitingMessages, type SendRound } from './send-waiting-messages.js';

export interface MessageSender {
  /** Send soon: a change just wrote messages. */
  wake(): void;
  /** Finish the round in progress, then stop. */
  stop(): Promise<void>;
}

/**
 * Sends the outbox every few seconds and whenever woken, one round at a time. Several servers
 * may each run one: the outbox's claim (FOR UPDATE SKIP LOCKED with a hold) gives every
 * message to one sender.
 */
export function startMessageSender(o: {
  db: Database;
  transport: MailTransport;
  fromAddress: string;
  everyMs?: number;
  onRound?: (round: SendRound) => void;
  onError?: (error: unknown) => void;
}): MessageSender {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const schedule = (ms: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
  function run() {
    if (running) {
      again = true;
      return;
    }
    running = sendWaitingMessages(o.db, o.transport, { fromAddress: o.fromAddress })
      .then((round) => {
        if (round.sent + round.retrying + round.failed > 0) o.onRound?.(round);
      })
      .catch((error: unknown) => o.onError?.(error))
      .finally(() => {
        running = null;
        schedule(again ? 0 : (o.everyMs ?? 5_000));
        again = false;
      });
  }
  schedule(0);
  return {
    wake: () => schedule(0),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      o.transport.close();
    },
  };
}
