import type { ClientProfileDto } from '../../api/types';

/** The session each of the client's subscriptions is in, to name it in invoices, history and dialogs. */
export function sessionNamesBySubscription(profile: Pick<ClientProfileDto, 'subscriptions'>): Map<string, string> {
  return new Map(profile.subscriptions.map((subscription) => [subscription.id, subscription.sessionName]));
}
