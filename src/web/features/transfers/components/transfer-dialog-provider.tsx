import { useState, type ReactNode } from 'react';
import { StartTransferContext } from '../hooks/use-start-transfer';
import type { TransferStart } from '../transfer-start';
import { TransferDialog } from './transfer-dialog';

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
        <TransferDialog
          key={current.id}
          start={current.start}
          opened={current.opened}
          onClose={() => setCurrent((previous) => previous && { ...previous, opened: false })}
          // Unmount only after the closing transition, so focus goes back where it came from.
          onClosed={() => setCurrent((previous) => (previous?.opened === false ? null : previous))}
        />
      )}
    </StartTransferContext>
  );
}
