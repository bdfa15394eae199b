import { Anchor, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { PortalEnrollmentDto, PortalSessionDateDto } from '../../../contracts/portal';
import { usePortalFamily } from '../../features/portal/api/portal-api';
import { QueryState } from '../../shared/components/query-state';
import { useFormat } from '../../shared/format/use-format';

/** The portal's first screen: each child, their classes and each class's next dates. */
export function PortalHomePage() {
  const family = usePortalFamily();
  return (
    <Stack gap="lg">
      <Title order={2} size="h3">
        Classes and next dates
      </Title>
      <QueryState
        label="your family's classes"
        isPending={family.isPending}
        error={family.error}
        onRetry={() => void family.refetch()}
        empty={{ when: family.data?.children.length === 0, title: 'No children on file', description: 'Ask the school to add your children.' }}
      >
        {family.data?.children.map((child) => (
          <Stack key={child.id} gap="sm" component="section" aria-labelledby={`child-${child.id}`}>
            <Title order={3} size="h4" id={`child-${child.id}`}>
              {child.firstName} {child.lastName}
            </Title>
            {child.enrollments.length === 0 ? (
              <Text size="sm" c="dimmed">
                Not enrolled in a class now.
              </Text>
            ) : (
              child.enrollments.map((enrollment) => <EnrollmentCard key={enrollment.subscriptionId} enrollment={enrollment} childName={child.firstName} />)
            )}
          </Stack>
        ))}
      </QueryState>
    </Stack>
  );
}

function EnrollmentCard({ enrollment, childName }: { enrollment: PortalEnrollmentDto; childName: string }) {
  const format = useFormat();
  const headingId = `enrollment-${enrollment.subscriptionId}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <div>
          <Title order={4} size="h5" id={headingId}>
            {enrollment.sessionName}
          </Title>
          <Text size="sm">
            {format.weekdays(enrollment.weekdays)} at {format.time(enrollment.startTime)} · {enrollment.durationMinutes} min
          </Text>
          <Text size="sm" c="dimmed">
            {enrollment.locationName} · with {enrollment.instructorName}
          </Text>
          <Text size="sm" c="dimmed">
            {enrollment.endsOn ? `From ${format.date(enrollment.startsOn)} until ${format.date(enrollment.endsOn)}` : `Since ${format.date(enrollment.startsOn)}`}
          </Text>
        </div>
        <div>
          <Text size="sm" fw={600} id={`${headingId}-dates`}>
            Next dates
          </Text>
          {enrollment.nextDates.length === 0 ? (
            <Text size="sm" c="dimmed">
              No more dates.
            </Text>
          ) : (
            <List size="sm" spacing={2} listStyleType="none" aria-labelledby={`${headingId}-dates`}>
              {enrollment.nextDates.map((date) => (
                <List.Item key={`${date.originalDate}-${date.date}`}>
                  <NextDate date={date} />
                </List.Item>
              ))}
            </List>
          )}
        </div>
        <Anchor component={Link} to={`/portal/enrollments/${enrollment.subscriptionId}/move`} size="sm" aria-label={`Ask to move ${childName} from ${enrollment.sessionName}`}>
          Ask to move
        </Anchor>
      </Stack>
    </Paper>
  );
}

function NextDate({ date }: { date: PortalSessionDateDto }) {
  const format = useFormat();
  if (date.status === 'cancelled') {
    return (
      <Group gap={6} wrap="nowrap">
        <Text size="sm" td="line-through" c="dimmed">
          {format.date(date.date)}
        </Text>
        <Badge color="red" variant="light" size="sm">
          Cancelled
        </Badge>
      </Group>
    );
  }
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm">
        {format.date(date.date)} at {format.time(date.localStartTime)}
      </Text>
      {date.status === 'moved' && (
        <Badge color="orange" variant="light" size="sm">
          Moved from {format.shortDate(date.originalDate)}
        </Badge>
      )}
    </Group>
  );
}
