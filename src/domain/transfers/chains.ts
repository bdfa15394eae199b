import type { Temporal } from 'temporal-polyfill';
import { fieldError } from '../errors.js';
import { writeDate } from '../formatting/intl-formats.js';

/**
 * DESIGN.md "Chains of transfers": an enrollment that a standing transfer has ended is left
 * as the transfer left it (not transferred again, not ended otherwise); undo that transfer first.
 */
export function assertNotEndedByTransfer(o: {
  endedBy: { transferDate: Temporal.PlainDate } | null;
  sessionName: string;
  locale: string;
  field: string;
}): void {
  if (!o.endedBy) return;
  throw fieldError(
    'ENDED_BY_TRANSFER',
    `This enrollment in ${o.sessionName} was ended by a transfer on ${writeDate(o.endedBy.transferDate, o.locale)}; ` +
      'undo that transfer first.',
    o.field,
    'ended by a transfer',
    { transferDate: o.endedBy.transferDate.toString() },
  );
}
