import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type Answer = 'accept' | { code: number; message: string };

/**
 * A real SMTP server on a free port that keeps what it receives, parsed as a mail client
 * would. `answer` decides what it says to the next recipients: accept, a temporary refusal
 * (4xx) or a permanent one (5xx).
 */
export async function startSmtpInbox(o: { port?: number; /** A slow server: each mail takes this long to accept. */ delayMs?: number } = {}) {
  const received: ParsedMail[] = [];
  let answer: Answer = 'accept';
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (answer === 'accept') return callback();
      callback(Object.assign(new Error(answer.message), { responseCode: answer.code }));
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        async (mail) => {
          if (o.delayMs) await new Promise((resolve) => setTimeout(resolve, o.delayMs));
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Mails delivered to this address. */
    to: (address: string) => received.filter((m) => addressesOf(m).includes(address.toLowerCase())),
    answerWith(next: Answer) {
      answer = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpInbox = Awaited<ReturnType<typeof startSmtpInbox>>;

function addressesOf(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((t) => t.value.map((v) => (v.address ?? '').toLowerCase()));
}
