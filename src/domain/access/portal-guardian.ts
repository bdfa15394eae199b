/** A family-portal guardian as a service acts for them: their family bounds everything they see and ask. */
export interface GuardianActor {
  guardianId: string;
  familyId: string;
  /** Their login, recorded in the audit. */
  userId: string;
}
