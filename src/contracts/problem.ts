import { z } from 'zod';

/** One part of the request to correct, e.g. `{ field: 'body.capacity', message: 'at least 12' }`. */
export const problemFieldSchema = z.object({
  field: z.string().describe('The request part first, then the path in it: body.capacity, querystring.date, params.id'),
  message: z.string().describe('What is wrong with it, in a few words for beside the field'),
});
export type ProblemFieldDto = z.infer<typeof problemFieldSchema>;

/**
 * The body of every refusal the API answers (RFC 9457 problem details, sent as
 * application/problem+json). Some refusals add facts a client can act on, e.g.
 * `suggestedDate` or `invoiceStatus`, so other properties are allowed.
 */
export const problemSchema = z
  .looseObject({
    type: z.string().describe('about:blank#CODE'),
    title: z.string().describe('The code in words, e.g. "capacity full"'),
    status: z.int().min(400).max(599).describe('The HTTP status, repeated'),
    code: z.string().describe('A stable code to branch on, e.g. VALIDATION_FAILED, NOT_FOUND, CAPACITY_FULL'),
    detail: z.string().describe('A sentence for a person: what happened and what to do instead'),
    fields: z.array(problemFieldSchema).describe('The parts of the request to correct; empty when the refusal is about the request as a whole'),
  })
  .describe('A refusal: what went wrong and what to do instead');
export type ProblemDto = z.infer<typeof problemSchema>;
