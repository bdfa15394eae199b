import { createTransport } from 'nodemailer';
import { isPermanentRefusal } from '../../../domain/notifications/message-facts.js';

/** One email as the sender hands it to the mail server. */
export interface OutgoingMail {
  from: { name: string; address: string };
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  /** Without angle brackets; the same on every try. */
  messageId: string;
  /** The one-click unsubscribe address (List-Unsubscribe with List-Unsubscribe-Post), when the reader can turn this kind off. */
  unsubscribeUrl: string | null;
}

/** What a mail server answered to one email that it did not accept. */
export class MailNotAccepted extends Error {
  constructor(
    message: string,
    /** True when sending the same message again would be refused again. */
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** Hands emails to a mail server. Throws MailNotAccepted when the server does not take one. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<{ response: string }>;
  close(): void;
}

/**
 * SMTP through nodemailer, from a URL such as smtp://user:pass@mail.example.com:587 (smtps://
 * for TLS from the start). Timeouts stay well under the sender's hold on a message, so a hung
 * server is a retry, not a message two senders hold at once.
 */
export function smtpTransport(smtpUrl: string): MailTransport {
  // Pooled: one connection carries many emails instead of a handshake each.
  const transporter = createTransport({ url: smtpUrl, pool: true, maxConnections: 2, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 });
  return {
    async send(mail) {
      try {
        const info = await transporter.sendMail({
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: `<${mail.messageId}>`,
          ...(mail.unsubscribeUrl
            ? { list: { unsubscribe: { url: mail.unsubscribeUrl, comment: 'Unsubscribe' } }, headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }
            : {}),
        });
        return { response: String(info.response ?? 'accepted') };
      } catch (error) {
        throw notAccepted(error);
      }
    },
    close() {
      transporter.close();
    },
  };
}

function notAccepted(error: unknown): MailNotAccepted {
  const e = error as { message?: string; responseCode?: number; response?: string; code?: string };
  const detail = e.response ?? [e.code, e.message].filter(Boolean).join(': ');
  return new MailNotAccepted(detail || String(error), isPermanentRefusal(e.responseCode));
}

/** The bare address of MAIL_FROM ("Riverside Swim <office@…>" or just the address): each email names its organization as the sender. */
export function mailAddressOf(mailFrom: string): string {
  return /<([^<>]+)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom.trim();
}
