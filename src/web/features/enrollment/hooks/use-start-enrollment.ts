import { createContext, useContext } from 'react';
import type { EnrollStart } from '../enroll-start';

export const StartEnrollmentContext = createContext<((start: EnrollStart) => void) | null>(null);

/** Opens the enroll dialog from any entry point (roster drawer, session view, client profile, new family). */
export function useStartEnrollment() {
  const start = useContext(StartEnrollmentContext);
  if (!start) throw new Error('useStartEnrollment is used outside EnrollDialogProvider');
  return start;
}
