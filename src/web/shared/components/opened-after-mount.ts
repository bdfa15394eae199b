import { useEffect, useState } from 'react';

/**
 * For a modal or drawer whose code loads when it is first wanted: it mounts closed and opens on
 * the next render, because Mantine notes where focus was (to give it back on closing) and plays
 * the opening transition when `opened` changes, not when it mounts already open.
 */
export function useOpenedAfterMount(opened: boolean): boolean {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return opened && mounted;
}
