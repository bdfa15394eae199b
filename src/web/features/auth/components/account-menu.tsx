import { Box, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { problemMessage } from '../../../shared/components/problem-message';
import { roleLabels } from '../../../shared/format/value-labels';
import { useSession } from '../hooks/use-session';
import { useSignOut } from '../hooks/use-sign-out';

/** Who is signed in, and the way out. */
export function AccountMenu() {
  const { user, role } = useSession();
  const signOut = useSignOut();
  return (
    <Group gap="sm" wrap="nowrap">
      {/* On a phone the header keeps only what fits: the way out. */}
      <Box visibleFrom="xs">
        <Text size="sm" fw={500} lh={1.2}>
          {user.name}
        </Text>
        <Text size="xs" c="dimmed" lh={1.2}>
          {roleLabels[role]}
        </Text>
      </Box>
      <Button
        variant="default"
        size="xs"
        loading={signOut.isPending}
        onClick={() =>
          signOut.mutate(undefined, {
            onError: (error) => notifications.show({ color: 'red', title: 'Could not sign out', message: problemMessage(error) }),
          })
        }
      >
        Sign out
      </Button>
    </Group>
  );
}
