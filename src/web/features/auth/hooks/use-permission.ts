import type { Permission } from '../../../../domain/access/permissions';
import { useSession } from './use-session';

/**
 * Whether to offer an action. The server decides in the end (403 with its reason); this only
 * hides what the role cannot do.
 */
export function useCan() {
  const { permissions } = useSession();
  return (permission: Permission) => permissions.includes(permission);
}
