/**
 * How a request field is called in a sentence for a person, so a refusal never shows an API
 * path such as `body.finish.amount`: the fields whose name would read oddly have a name here,
 * the rest are read off their path ("firstSessionDate" → "The first session date").
 */
const names: Record<string, string> = {
  'finish.amount': 'The payment amount',
  'finish.method': 'The payment method',
  'finish.reference': 'The payment reference',
  'finish.reason': 'The reason for closing the invoice',
  'finish.dueOn': 'The due date',
  'finish.kind': 'The way to finish checkout',
  targetSessionId: 'The session to transfer to',
  subscriptionId: 'The enrollment',
  sessionId: 'The session',
  clientId: 'The client',
  familyId: 'The family',
  serviceId: 'The service',
  instructorId: 'The instructor',
  locationId: 'The location',
  oldEndsOn: 'The last day of the current enrollment',
  endsOn: 'The end date',
  startsOn: 'The start date',
  basisPoints: 'The percent',
  toDate: 'The new date',
  toStartTime: 'The new start time',
  'idempotency-key': 'The Idempotency-Key header',
  id: 'The id in the address',
  from: 'The start of the range',
  to: 'The end of the range',
};

function wordsOf(name: string): string {
  return name.replace(/Id$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** "body.discounts.0.amount" → "Discount 1: the amount"; "body.capacity" → "The capacity". */
export function describeField(path: string): string {
  const [, ...parts] = path.split('.');
  if (parts.length === 0) return 'The request';
  const key = parts.join('.');
  const named = names[key];
  if (named) return named;
  const listed = parts.findIndex((part) => /^\d+$/.test(part));
  if (listed > 0) {
    const list = wordsOf(parts[listed - 1]!).replace(/s$/, '');
    const item = `${list.charAt(0).toUpperCase()}${list.slice(1)} ${Number(parts[listed]) + 1}`;
    const rest = parts.slice(listed + 1);
    return rest.length === 0 ? item : `${item}: ${(names[rest.join('.')] ?? `the ${rest.map(wordsOf).join(' ')}`).replace(/^The /, 'the ')}`;
  }
  const words = parts.map(wordsOf).join(' ');
  return `The ${words}`;
}
