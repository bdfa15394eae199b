import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import { recipientRepository, type EnrollmentFacts } from '../../../db/repositories/recipient-repository.js';
import type { OrganizationContext } from '../../../domain/access/actor.js';
import type { InvoiceDto } from '../../../contracts/billing.js';
import { weekdaysAndTime } from '../../../domain/formatting/weekly-time.js';
import {
  enrolledLetter,
  invoiceIssuedLetter,
  paymentReceiptLetter,
  refundLetter,
  rosterChangeLetter,
  transferDoneLetter,
  transferUndoneLetter,
  unenrolledLetter,
  type Letter,
  type RosterChange,
  type Writer,
} from '../../../domain/notifications/messages.js';
import type { MessageTopic, Recipient } from '../../../domain/notifications/message-facts.js';
import type { Notice } from './tell.js';

/**
 * DESIGN.md "Notifications": who is told what about each change, gathered inside the change's
 * transaction. Each builder returns the notices; the service passes them to tell().
 */

const writerOf = (organization: OrganizationContext): Writer => ({
  organizationName: organization.name,
  money: { currency: organization.currency, locale: organization.locale },
});

async function enrollments(tx: Database, organization: OrganizationContext, ids: readonly string[]) {
  const facts = await recipientRepository.enrollmentFacts(tx, organization.id, ids);
  return (id: string) => facts.get(id)!;
}

async function familyNotice(
  tx: Database,
  organization: OrganizationContext,
  o: { familyId: string; topic: MessageTopic; about: Notice['about']; letter: Letter; onceKey?: string },
): Promise<Notice> {
  const recipients = await recipientRepository.guardiansOfFamily(tx, organization.id, o.familyId);
  return { topic: o.topic, about: o.about, familyId: o.familyId, recipients, letterFor: () => o.letter, ...(o.onceKey ? { onceKey: o.onceKey } : {}) };
}

function rosterNotice(
  organization: OrganizationContext,
  o: { enrollment: EnrollmentFacts; about: Notice['about']; change: RosterChange; date: Temporal.PlainDate },
): Notice {
  const { enrollment } = o;
  const instructor: Recipient = enrollment.instructor;
  return {
    topic: 'roster_change',
    about: o.about,
    familyId: null,
    recipients: [instructor],
    letterFor: () =>
      rosterChangeLetter(writerOf(organization), {
        instructorName: instructor.name,
        clientName: enrollment.clientName,
        sessionName: enrollment.sessionName,
        change: o.change,
        date: o.date,
      }),
  };
}

const timeOf = (organization: OrganizationContext, e: EnrollmentFacts) =>
  weekdaysAndTime({ weekdays: e.weekdays, startTime: Temporal.PlainTime.from(e.startTime), locale: organization.locale });

/** Pay Now at checkout: the receipt for the payment the invoice records. */
async function receiptsOf(tx: Database, organization: OrganizationContext, invoice: InvoiceDto): Promise<Notice[]> {
  const receipts = await Promise.all(
    invoice.payments.map((payment) =>
      paymentReceiptNotices(tx, organization, { familyId: invoice.familyId, paymentId: payment.id, amount: payment.amount, method: payment.method, amountDue: invoice.amountDue }),
    ),
  );
  return receipts.flat();
}

/** A transfer: the family (new session, dates, invoices) and both instructors (one gains, one loses the client). */
export async function transferNotices(
  tx: Database,
  organization: OrganizationContext,
  o: {
    transferId: string;
    fromSubscriptionId: string;
    toSubscriptionId: string;
    lastOldDate: Temporal.PlainDate | null;
    oldEndsOn: Temporal.PlainDate;
    firstDate: Temporal.PlainDate;
    invoice: InvoiceDto;
    horizonInvoices: readonly InvoiceDto[];
  },
): Promise<Notice[]> {
  const facts = await enrollments(tx, organization, [o.fromSubscriptionId, o.toSubscriptionId]);
  const from = facts(o.fromSubscriptionId);
  const to = facts(o.toSubscriptionId);
  const about = { type: 'transfer', id: o.transferId };
  const family = await familyNotice(tx, organization, {
    familyId: from.familyId,
    topic: 'transfer_done',
    about,
    letter: transferDoneLetter(writerOf(organization), {
      clientName: from.clientName,
      from: { sessionName: from.sessionName, lastDate: o.lastOldDate },
      to: { sessionName: to.sessionName, time: timeOf(organization, to), firstDate: o.firstDate },
      invoice: o.invoice,
      laterInvoices: o.horizonInvoices.map((bill) => ({ periodStart: bill.periodStart, total: bill.total, dueOn: bill.dueOn })),
    }),
  });
  return [
    family,
    ...(await receiptsOf(tx, organization, o.invoice)),
    rosterNotice(organization, { enrollment: from, about, change: 'leaves', date: o.oldEndsOn }),
    rosterNotice(organization, { enrollment: to, about, change: 'joins', date: o.firstDate }),
  ];
}

/** An undone transfer: the family stays where it was; the old instructor keeps the client, the new one does not get them. */
export async function transferUndoneNotices(
  tx: Database,
  organization: OrganizationContext,
  o: { transferId: string; fromSubscriptionId: string; toSubscriptionId: string; oldEndsOn: Temporal.PlainDate; firstDate: Temporal.PlainDate },
): Promise<Notice[]> {
  const facts = await enrollments(tx, organization, [o.fromSubscriptionId, o.toSubscriptionId]);
  const from = facts(o.fromSubscriptionId);
  const to = facts(o.toSubscriptionId);
  const about = { type: 'transfer', id: o.transferId };
  return [
    await familyNotice(tx, organization, {
      familyId: from.familyId,
      topic: 'transfer_undone',
      about,
      letter: transferUndoneLetter(writerOf(organization), { clientName: from.clientName, backIn: from.sessionName, notIn: to.sessionName }),
    }),
    rosterNotice(organization, { enrollment: from, about, change: 'stays', date: o.oldEndsOn }),
    rosterNotice(organization, { enrollment: to, about, change: 'not_joining', date: o.firstDate }),
  ];
}

/** An enrollment: the family (session, first date, first invoice) and the instructor. */
export async function enrolledNotices(
  tx: Database,
  organization: OrganizationContext,
  o: { subscriptionId: string; firstDate: Temporal.PlainDate; invoice: InvoiceDto },
): Promise<Notice[]> {
  const enrollment = (await enrollments(tx, organization, [o.subscriptionId]))(o.subscriptionId);
  const about = { type: 'subscription', id: o.subscriptionId };
  return [
    await familyNotice(tx, organization, {
      familyId: enrollment.familyId,
      topic: 'enrolled',
      about,
      letter: enrolledLetter(writerOf(organization), {
        clientName: enrollment.clientName,
        sessionName: enrollment.sessionName,
        time: timeOf(organization, enrollment),
        firstDate: o.firstDate,
        invoice: o.invoice,
      }),
    }),
    ...(await receiptsOf(tx, organization, o.invoice)),
    rosterNotice(organization, { enrollment, about, change: 'joins', date: o.firstDate }),
  ];
}

/** An unenrollment: the family and the instructor. */
export async function unenrolledNotices(
  tx: Database,
  organization: OrganizationContext,
  o: { subscriptionId: string; endsOn: Temporal.PlainDate },
): Promise<Notice[]> {
  const enrollment = (await enrollments(tx, organization, [o.subscriptionId]))(o.subscriptionId);
  const about = { type: 'subscription', id: o.subscriptionId };
  return [
    await familyNotice(tx, organization, {
      familyId: enrollment.familyId,
      topic: 'unenrolled',
      about,
      letter: unenrolledLetter(writerOf(organization), { clientName: enrollment.clientName, sessionName: enrollment.sessionName, endsOn: o.endsOn }),
    }),
    rosterNotice(organization, { enrollment, about, change: 'leaves', date: o.endsOn }),
  ];
}

/** What an invoice-issued letter tells: any invoice DTO, or the run's invoice as it is about to be written. */
export type IssuedInvoiceFacts = Pick<InvoiceDto, 'id' | 'familyId' | 'clientName' | 'total' | 'dueOn'> & {
  lines: readonly Pick<InvoiceDto['lines'][number], 'description' | 'amount'>[];
};

/** Invoices the run issued: one message per invoice to its family's guardians (guardians fetched once per batch). */
export async function invoicesIssuedNotices(tx: Database, organization: OrganizationContext, invoices: readonly IssuedInvoiceFacts[]): Promise<Notice[]> {
  const guardians = await recipientRepository.guardiansOfFamilies(tx, organization.id, [...new Set(invoices.map((i) => i.familyId))]);
  const writer = writerOf(organization);
  return invoices.map((invoice) => {
    const letter = invoiceIssuedLetter(writer, {
      clientName: invoice.clientName,
      lines: invoice.lines.map((line) => ({ description: line.description, amount: line.amount })),
      total: invoice.total,
      dueOn: invoice.dueOn,
    });
    return {
      topic: 'invoice_issued',
      about: { type: 'invoice', id: invoice.id },
      familyId: invoice.familyId,
      recipients: guardians.get(invoice.familyId) ?? [],
      letterFor: () => letter,
    };
  });
}

/** A payment taken on an invoice. */
export async function paymentReceiptNotices(
  tx: Database,
  organization: OrganizationContext,
  o: { familyId: string; paymentId: string; amount: number; method: string; amountDue: number },
): Promise<Notice[]> {
  return [
    await familyNotice(tx, organization, {
      familyId: o.familyId,
      topic: 'payment_receipt',
      about: { type: 'payment', id: o.paymentId },
      letter: paymentReceiptLetter(writerOf(organization), {
        amount: o.amount,
        method: o.method,
        receivedOn: organization.today.toString(),
        amountDue: o.amountDue,
      }),
    }),
  ];
}

/** Money given back. */
export async function refundNotices(
  tx: Database,
  organization: OrganizationContext,
  o: { familyId: string; refundId: string; amount: number; method: string; reason: string },
): Promise<Notice[]> {
  return [
    await familyNotice(tx, organization, {
      familyId: o.familyId,
      topic: 'refund',
      about: { type: 'refund', id: o.refundId },
      letter: refundLetter(writerOf(organization), {
        amount: o.amount,
        method: o.method,
        reason: o.reason,
        on: organization.today.toString(),
      }),
    }),
  ];
}
