import { lazy, Suspense, useState, type ReactNode } from 'react';
import type { EnrollStart } from '../enroll-start';
import { StartEnrollmentContext } from '../hooks/use-start-enrollment';

// Its own chunk, loaded on the first enrollment (the checkout's code is not needed before).
const EnrollDialog = lazy(() => import('./enroll-dialog').then((m) => ({ default: m.EnrollDialog })));

/** Hosts the one enroll dialog; each start gets a fresh dialog (and a fresh checkout key). */
export function EnrollDialogProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<{ start: EnrollStart; id: number; opened: boolean } | null>(null);
  const start = (next: EnrollStart) => setCurrent((previous) => ({ start: next, id: (previous?.id ?? 0) + 1, opened: true }));
  return (
    <StartEnrollmentContext value={start}>
      {children}
      {current && (
        <Suspense fallback={null}>
          <EnrollDialog
            key={current.id}
            start={current.start}
            opened={current.opened}
            onClose={() => setCurrent((previous) => previous && { ...previous, opened: false })}
            onClosed={() => setCurrent((previous) => (previous?.opened === false ? null : previous))}
          />
        </Suspense>
      )}
    </StartEnrollmentContext>
  );
}
