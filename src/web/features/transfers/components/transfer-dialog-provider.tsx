import { lazy, Suspense, useState, type ReactNode } from 'react';
import { StartTransferContext } from '../hooks/use-start-transfer';
import type { TransferStart } from '../transfer-start';

// Its own chunk, loaded on the first transfer: the first screen of the day does not wait for checkout's code.
const TransferDialog = lazy(() => import('./transfer-dialog').then((m) => ({ default: m.TransferDialog })));

interface OpenTransfer {
  start: TransferStart;
  id: number;
  opened: boolean;
}

/** Hosts the one transfer dialog; each start gets a fresh dialog (and a fresh checkout key). */
export function TransferDialogProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<OpenTransfer | null>(null);
  const start = (next: TransferStart) => setCurrent((previous) => ({ start: next, id: (previous?.id ?? 0) + 1, opened: true }));
  return (
    <StartTransferContext value={start}>
      {children}
      {current && (
        <Suspense fallback={null}>
          <TransferDialog
            key={current.id}
            start={current.start}
            opened={current.opened}
            onClose={() => setCurrent((previous) => previous && { ...previous, opened: false })}
            // Unmount only after the closing transition, so focus goes back where it came from.
            onClosed={() => setCurrent((previous) => (previous?.opened === false ? null : previous))}
          />
        </Suspense>
      )}
    </StartTransferContext>
  );
}
