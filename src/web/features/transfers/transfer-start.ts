/** Where a transfer starts: a client's subscription and the session date they leave it on. */
export interface TransferStart {
  subscriptionId: string;
  clientId: string;
  clientName: string;
  sessionId: string;
  sessionName: string;
  /** The session date clicked: the client is unenrolled from this date on. */
  transferDate: string;
  /** The subscription's own period, so the old end is offered only among its dates. */
  subscriptionStartsOn: string;
  subscriptionEndsOn: string | null;
  /** A guardian's request this transfer would approve: the target and first date come pre-filled, the note is shown. */
  request?: {
    id: string;
    targetSessionId: string;
    firstSessionDate: string;
    note: string;
    guardianName: string;
  };
}
