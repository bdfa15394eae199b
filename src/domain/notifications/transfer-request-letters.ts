import type { Temporal } from 'temporal-polyfill';
import { writeDate } from '../formatting/intl-formats.js';
import type { Letter, Writer } from './messages.js';

/**
 * DESIGN.md "The family portal": the guardian who asked for a transfer hears the answer,
 * whoever gave it (staff or the organization's rules) and whatever it is.
 */

/** Approved: where the child goes, when, and from which date. */
export function transferRequestApprovedLetter(
  w: Writer,
  o: { clientName: string; from: string; to: { sessionName: string; time: string; firstDate: Temporal.PlainDate } },
): Letter {
  const first = writeDate(o.to.firstDate, w.money.locale);
  return {
    subject: `Approved: ${o.clientName} moves to ${o.to.sessionName} from ${first}`,
    paragraphs: [
      `Your request is approved: ${o.clientName} moves from ${o.from} to ${o.to.sessionName} (${o.to.time}).`,
      `The first ${o.to.sessionName} date is ${first}.`,
    ],
  };
}

/** Declined by staff with their reason, or refused because the enrollment changed since the guardian asked. */
export function transferRequestDeclinedLetter(
  w: Writer,
  o: { clientName: string; from: string; to: string; reason: string; refused: boolean },
): Letter {
  return {
    subject: `Your request for ${o.clientName} was ${o.refused ? 'not carried out' : 'declined'}`,
    paragraphs: [
      o.refused
        ? `Your request to move ${o.clientName} from ${o.from} to ${o.to} could not be carried out: ${o.reason}`
        : `${w.organizationName} declined your request to move ${o.clientName} from ${o.from} to ${o.to}.`,
      ...(o.refused ? [] : [`The reason: ${o.reason}`]),
      `${o.clientName} stays in ${o.from} as before.`,
    ],
  };
}
