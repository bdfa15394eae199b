import { Temporal } from 'temporal-polyfill';
import { formatMoney } from '../billing/money.js';
import type { MoneyDisplay } from '../billing/value-sets.js';
import { formatPlainDate, writeDate } from '../formatting/intl-formats.js';

/**
 * DESIGN.md "Notifications": what a family or an instructor is told, written once as text and
 * HTML, in the organization's locale, dates and money as the screens show them. Pure: the
 * services gather the facts, the outbox stores what these return, the sender sends it.
 */

export interface Letter {
  subject: string;
  /** Paragraphs, each a line of plain text; the HTML is built from the same paragraphs. */
  paragraphs: string[];
  /** Label and amount rows shown as a small table (an invoice's lines, a total). */
  rows?: { label: string; value: string }[];
}

export interface WrittenMessage {
  subject: string;
  text: string;
  html: string;
}

export interface Writer {
  organizationName: string;
  money: MoneyDisplay;
}

const date = (w: Writer, d: Temporal.PlainDate | string) => writeDate(d, w.money.locale);
const money = (w: Writer, amount: number) => formatMoney({ amount, ...w.money });

/** A transfer as the family reads it: from which session, to which, from which date, and what it costs. */
export function transferDoneLetter(
  w: Writer,
  o: {
    clientName: string;
    from: { sessionName: string; lastDate: Temporal.PlainDate | null };
    to: { sessionName: string; time: string; firstDate: Temporal.PlainDate };
    invoice: { total: number; amountDue: number; dueOn: string } | null;
    /** Later months' invoices of the new session, issued with the move (they replace the old session's). */
    laterInvoices?: { periodStart: string | null; total: number; dueOn: string }[];
  },
): Letter {
  const invoice = o.invoice;
  const later = o.laterInvoices ?? [];
  return {
    subject: `${o.clientName} moves to ${o.to.sessionName} from ${date(w, o.to.firstDate)}`,
    paragraphs: [
      `${o.clientName} moves from ${o.from.sessionName} to ${o.to.sessionName} (${o.to.time}).`,
      o.from.lastDate
        ? `The last ${o.from.sessionName} date is ${date(w, o.from.lastDate)}; the first ${o.to.sessionName} date is ${date(w, o.to.firstDate)}.`
        : `The first ${o.to.sessionName} date is ${date(w, o.to.firstDate)}.`,
      ...(invoice
        ? [
            invoice.amountDue > 0
              ? `The new invoice is ${money(w, invoice.total)}; ${money(w, invoice.amountDue)} is due by ${date(w, invoice.dueOn)}.`
              : `The new invoice is ${money(w, invoice.total)} and nothing is due on it.`,
          ]
        : []),
      ...(later.length > 0 ? [`${o.to.sessionName} invoices for later months replace those of ${o.from.sessionName}:`] : []),
    ],
    rows: later.map((bill) => ({
      label: `${bill.periodStart ? formatMonth(w, bill.periodStart) : o.to.sessionName}, due ${date(w, bill.dueOn)}`,
      value: money(w, bill.total),
    })),
  };
}

const formatMonth = (w: Writer, day: string) => formatPlainDate(Temporal.PlainDate.from(day), w.money.locale, { month: 'long', year: 'numeric' });

export function transferUndoneLetter(w: Writer, o: { clientName: string; backIn: string; notIn: string }): Letter {
  return {
    subject: `${o.clientName} stays in ${o.backIn}`,
    paragraphs: [`The move of ${o.clientName} from ${o.backIn} to ${o.notIn} was cancelled: ${o.clientName} stays in ${o.backIn} as before.`],
  };
}

/** How an instructor's roster changes: someone joins or leaves, or an undone transfer puts things back. */
export type RosterChange = 'joins' | 'leaves' | 'stays' | 'not_joining';

/** An instructor's roster changed: who joins or leaves which session, from which date. */
export function rosterChangeLetter(
  w: Writer,
  o: { instructorName: string; clientName: string; sessionName: string; change: RosterChange; date: Temporal.PlainDate },
): Letter {
  const when = date(w, o.date);
  const says: Record<RosterChange, { subject: string; paragraph: string }> = {
    joins: { subject: `joins from ${when}`, paragraph: `${o.clientName} joins ${o.sessionName} from ${when}; they are on your roster from that date.` },
    leaves: { subject: `leaves from ${when}`, paragraph: `${o.clientName} leaves ${o.sessionName}; ${when} is the first date they are no longer on your roster.` },
    stays: { subject: `stays after all`, paragraph: `${o.clientName} stays in ${o.sessionName}: a move away from ${when} was cancelled, so they remain on your roster.` },
    not_joining: { subject: `will not join`, paragraph: `${o.clientName} will not join ${o.sessionName} from ${when} after all: the move was cancelled, so they are off your roster.` },
  };
  return {
    subject: `${o.sessionName}: ${o.clientName} ${says[o.change].subject}`,
    paragraphs: [`Hello ${o.instructorName},`, says[o.change].paragraph],
  };
}

export function enrolledLetter(
  w: Writer,
  o: { clientName: string; sessionName: string; time: string; firstDate: Temporal.PlainDate; invoice: { total: number; amountDue: number; dueOn: string } | null },
): Letter {
  return {
    subject: `${o.clientName} is enrolled in ${o.sessionName}`,
    paragraphs: [
      `${o.clientName} is enrolled in ${o.sessionName} (${o.time}); the first date is ${date(w, o.firstDate)}.`,
      ...(o.invoice && o.invoice.amountDue > 0
        ? [`The first invoice is ${money(w, o.invoice.total)}; ${money(w, o.invoice.amountDue)} is due by ${date(w, o.invoice.dueOn)}.`]
        : []),
    ],
  };
}

export function unenrolledLetter(w: Writer, o: { clientName: string; sessionName: string; endsOn: Temporal.PlainDate }): Letter {
  return {
    subject: `${o.clientName} leaves ${o.sessionName}`,
    paragraphs: [`${o.clientName} is no longer enrolled in ${o.sessionName} from ${date(w, o.endsOn)}.`],
  };
}

export function invoiceIssuedLetter(
  w: Writer,
  o: { clientName: string | null; lines: { description: string; amount: number }[]; total: number; dueOn: string },
): Letter {
  return {
    subject: `Invoice of ${money(w, o.total)}${o.clientName ? ` for ${o.clientName}` : ''}, due ${date(w, o.dueOn)}`,
    paragraphs: [`A new invoice${o.clientName ? ` for ${o.clientName}` : ''}: ${money(w, o.total)}, due by ${date(w, o.dueOn)}.`],
    rows: [...o.lines.map((line) => ({ label: line.description, value: money(w, line.amount) })), { label: 'Total', value: money(w, o.total) }],
  };
}

export function paymentReceiptLetter(w: Writer, o: { amount: number; method: string; receivedOn: string; amountDue: number }): Letter {
  return {
    subject: `Receipt: ${money(w, o.amount)} received`,
    paragraphs: [
      `Thank you: we received ${money(w, o.amount)} (${o.method}) on ${date(w, o.receivedOn)}.`,
      o.amountDue > 0 ? `${money(w, o.amountDue)} is still due on this invoice.` : 'This invoice is paid in full.',
    ],
  };
}

export function refundLetter(w: Writer, o: { amount: number; method: string; reason: string; on: string }): Letter {
  return {
    subject: `Refund: ${money(w, o.amount)}`,
    paragraphs: [`We refunded ${money(w, o.amount)} (${o.method}) on ${date(w, o.on)}: ${o.reason}.`],
  };
}

export function dueReminderLetter(w: Writer, o: { clientName: string | null; amountDue: number; dueOn: string }): Letter {
  return {
    subject: `Reminder: ${money(w, o.amountDue)} due ${date(w, o.dueOn)}`,
    paragraphs: [`A reminder that ${money(w, o.amountDue)}${o.clientName ? ` for ${o.clientName}` : ''} is due by ${date(w, o.dueOn)}.`],
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The letter as an email: a plain-text part and an HTML part that reads well in a mail client
 * (one column, inline styles only, no images, no scripts), signed with the organization's name,
 * with the unsubscribe line when the kind can be turned off.
 */
export function writeMessage(w: Writer, letter: Letter, o: { unsubscribeUrl: string | null; kindName: string }): WrittenMessage {
  const rows = letter.rows ?? [];
  const footer = o.unsubscribeUrl ? `To stop ${o.kindName} emails from ${w.organizationName}, open ${o.unsubscribeUrl}` : null;
  const text = [
    ...letter.paragraphs,
    ...(rows.length > 0 ? [rows.map((r) => `${r.label}: ${r.value}`).join('\n')] : []),
    w.organizationName,
    ...(footer ? ['--', footer] : []),
  ].join('\n\n');
  const cell = 'padding:4px 0;border-bottom:1px solid #e5e7eb';
  const table =
    rows.length === 0
      ? ''
      : `<table role="presentation" style="border-collapse:collapse;width:100%;margin:16px 0">${rows
          .map((r) => `<tr><td style="${cell}">${escapeHtml(r.label)}</td><td style="${cell};text-align:right;white-space:nowrap">${escapeHtml(r.value)}</td></tr>`)
          .join('')}</table>`;
  const html = [
    `<!doctype html><html lang="${escapeHtml(w.money.locale)}"><head><meta charset="utf-8"><title>${escapeHtml(letter.subject)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f8fafc;font-family:Arial,Helvetica,sans-serif;color:#111827;font-size:16px;line-height:1.5">',
    '<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e5e7eb;border-radius:8px;padding:24px">',
    ...letter.paragraphs.map((p) => `<p style="margin:0 0 12px">${escapeHtml(p)}</p>`),
    table,
    `<p style="margin:16px 0 0;color:#374151">${escapeHtml(w.organizationName)}</p>`,
    '</div>',
    footer
      ? `<p style="max-width:560px;margin:16px auto 0;font-size:13px;color:#4b5563">To stop ${escapeHtml(o.kindName)} emails from ${escapeHtml(w.organizationName)}, <a href="${escapeHtml(o.unsubscribeUrl!)}" style="color:#1d4ed8">unsubscribe</a>.</p>`
      : '',
    '</body></html>',
  ].join('');
  return { subject: letter.subject, text, html };
}

/** A staff member asked to reset their password: a link that works once, for an hour. */
export function passwordResetLetter(w: Writer, o: { name: string; resetUrl: string; validMinutes: number }): Letter {
  return {
    subject: `Reset your ${w.organizationName} password`,
    paragraphs: [
      `Hello ${o.name},`,
      `Someone (we hope you) asked to reset your password. Open this link within ${o.validMinutes} minutes to choose a new one: ${o.resetUrl}`,
      'If it was not you, ignore this email: your password stays as it is.',
    ],
  };
}

/** A guardian invited to the family portal: the link to choose a password (never a password itself). */
export function portalInvitationLetter(w: Writer, o: { name: string; email: string; welcomeUrl: string; validDays: number }): Letter {
  return {
    subject: `Your ${w.organizationName} family portal`,
    paragraphs: [
      `Hello ${o.name},`,
      `${w.organizationName} invites you to its family portal, where you see your family's classes, next dates and invoices. Open this link within ${o.validDays} days to choose your password: ${o.welcomeUrl}`,
      `After that, sign in with ${o.email} and your password.`,
    ],
  };
}

/** A new staff account: who made it for which role, and where to sign in (the password is never emailed). */
export function staffInvitationLetter(w: Writer, o: { name: string; email: string; roleName: string; signInUrl: string }): Letter {
  return {
    subject: `Your ${w.organizationName} account`,
    paragraphs: [
      `Hello ${o.name},`,
      `You now have an account at ${w.organizationName} as ${o.roleName}. Sign in at ${o.signInUrl} with ${o.email} and the password you were given; choose a new one with "Forgot password?" if you prefer.`,
    ],
  };
}
