import { Button, Group, Text } from '@mantine/core';
import { Temporal } from 'temporal-polyfill';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../../api/http';
import type { GuardianDto } from '../../../api/types';
import type { PortalInvitationDto } from '../../../../contracts/portal';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useFormat } from '../../../shared/format/use-format';
import { useCan } from '../../auth/hooks/use-permission';
import { useOrganization } from '../../auth/hooks/use-session';

const invitationKey = (guardianId: string) => ['portal-invitation', guardianId] as const;

/**
 * The family page's line about a guardian's family-portal login: whether they were invited and
 * have signed in, and (for whoever may change families) the button that emails an invitation.
 */
export function PortalInvitation({ guardian }: { guardian: GuardianDto }) {
  const format = useFormat();
  const { timeZone } = useOrganization();
  const localDate = (instant: string) => Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone).toPlainDate().toString();
  const can = useCan();
  const queryClient = useQueryClient();
  const invitation = useQuery({ queryKey: invitationKey(guardian.id), queryFn: () => http.get<PortalInvitationDto>(`/api/guardians/${guardian.id}/portal-invitation`) });
  const invite = useMutation({
    mutationFn: () => http.post<PortalInvitationDto>(`/api/guardians/${guardian.id}/portal-invitation`),
    onSuccess: (answer) => {
      queryClient.setQueryData(invitationKey(guardian.id), answer);
      // The invitation email now shows among the family's messages.
      void queryClient.invalidateQueries({ queryKey: ['messages'] });
    },
  });
  if (!invitation.data) return null;
  const { status, invitedAt, lastSignedInAt } = invitation.data;
  const said =
    status === 'not_invited'
      ? 'Not invited to the family portal'
      : `Invited to the family portal on ${format.shortDate(localDate(invitedAt!))}${lastSignedInAt ? ` · signed in on ${format.shortDate(localDate(lastSignedInAt))}` : ' · not signed in yet'}`;
  return (
    <Group gap="xs" wrap="wrap" data-testid={`portal-invitation-${guardian.id}`}>
      <Text size="xs" c="dimmed">
        {said}
      </Text>
      {can('clients.write') && (
        <Button
          size="compact-xs"
          variant="light"
          loading={invite.isPending}
          onClick={() => invite.mutate()}
          aria-label={`${status === 'not_invited' ? 'Invite to the family portal' : 'Send a new portal invitation'}: ${guardian.name}`}
        >
          {status === 'not_invited' ? 'Invite to the family portal' : 'Send a new portal invitation'}
        </Button>
      )}
      {invite.isSuccess && !invite.isPending && (
        <Text size="xs" c="teal" role="status">
          Invitation emailed to {guardian.email}.
        </Text>
      )}
      <ProblemAlert error={invite.error} title="Not invited" />
    </Group>
  );
}

