import { createContext, useContext } from 'react';
import type { TransferStart } from '../transfer-start';

export const StartTransferContext = createContext<((start: TransferStart) => void) | null>(null);

/** Opens the transfer dialog from any entry point (schedule, session view, client profile). */
export function useStartTransfer() {
  const start = useContext(StartTransferContext);
  if (!start) throw new Error('useStartTransfer is used outside TransferDialogProvider');
  return start;
}
