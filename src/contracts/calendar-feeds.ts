import { z } from 'zod';

/**
 * A family's or an instructor's private calendar feed (DESIGN.md "The family portal"): its
 * address while it is on, null when it is off. Anyone holding the address can read the feed,
 * so making a new one turns the old one off.
 */
export const calendarFeedDto = z.object({
  feed: z
    .object({
      url: z.string(),
      /** The same address for calendar apps that subscribe by a webcal:// link. */
      webcalUrl: z.string(),
      createdAt: z.string().describe("When this address was made"),
    })
    .nullable(),
});
export type CalendarFeedDto = z.infer<typeof calendarFeedDto>;

/** The feed's address: the token only; any text is looked up, and what is not a live feed is 404. */
export const calendarFeedTokenParams = z.object({ token: z.string().min(1).max(200) });

/** The file itself: an iCalendar text (text/calendar). */
export const calendarFileSchema = z.string().describe('An iCalendar file (RFC 5545), text/calendar');
