/** Where an enrollment starts: what the entry point already knows (a roster knows the session and date, a profile the client). */
export interface EnrollStart {
  client?: { id: string; name: string };
  session?: { id: string; name: string };
  /** The date the entry point shows: the first date offered is the first real one on or after it. */
  date?: string;
}
