import { Anchor, Badge, Button, Table } from '@mantine/core';
import { Link } from 'react-router';
import type { ProfileSubscription } from '../../../api/types';
import tableClasses from '../../../shared/components/stacked-table.module.css';
import { pricePer } from '../../../shared/format/value-labels';
import { useFormat } from '../../../shared/format/use-format';
import { useCan } from '../../auth/hooks/use-permission';

const stateBadges: Record<ProfileSubscription['state'], { label: string; color: string }> = {
  active: { label: 'Active', color: 'teal' },
  upcoming: { label: 'Upcoming', color: 'blue' },
  ended: { label: 'Ended', color: 'gray' },
  void: { label: 'Cancelled', color: 'gray' },
};

interface SubscriptionsTableProps {
  subscriptions: ProfileSubscription[];
  onUpdate: (subscription: ProfileSubscription) => void;
}

/** Current enrollments first, then upcoming, ended and cancelled ones; the latest first within each. */
const stateOrder: Record<ProfileSubscription['state'], number> = { active: 0, upcoming: 1, ended: 2, void: 3 };

/** The client's enrollments, current first; ended and cancelled ones greyed. */
export function SubscriptionsTable({ subscriptions, onUpdate }: SubscriptionsTableProps) {
  const sorted = [...subscriptions].sort((a, b) => stateOrder[a.state] - stateOrder[b.state] || b.startsOn.localeCompare(a.startsOn));
  return (
    // One card per enrollment on a phone (stacked-table), a table where there is room.
    <Table verticalSpacing={6} fz="sm" className={tableClasses.table}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Session</Table.Th>
          <Table.Th>Service</Table.Th>
          <Table.Th>First date</Table.Th>
          <Table.Th>No longer attends from</Table.Th>
          <Table.Th>Price</Table.Th>
          <Table.Th>State</Table.Th>
          <Table.Th>Change</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((subscription) => (
          <SubscriptionRow key={subscription.id} subscription={subscription} onUpdate={onUpdate} />
        ))}
      </Table.Tbody>
    </Table>
  );
}

function SubscriptionRow({ subscription, onUpdate }: { subscription: ProfileSubscription } & Pick<SubscriptionsTableProps, 'onUpdate'>) {
  const format = useFormat();
  const can = useCan();
  const past = subscription.state === 'ended' || subscription.state === 'void';
  const badge = stateBadges[subscription.state];
  return (
    <Table.Tr c={past ? 'dimmed' : undefined} data-state={subscription.state}>
      <Table.Td data-label="Session">
        <Anchor component={Link} to={`/sessions/${subscription.sessionId}`} size="sm" c={past ? 'dimmed' : undefined}>
          {subscription.sessionName}
        </Anchor>
      </Table.Td>
      <Table.Td data-label="Service">{subscription.serviceName}</Table.Td>
      <Table.Td data-label="First date">{format.date(subscription.startsOn)}</Table.Td>
      <Table.Td data-label="No longer attends from">{subscription.state === 'void' ? '—' : subscription.endsOn ? format.date(subscription.endsOn) : 'Ongoing'}</Table.Td>
      <Table.Td data-label="Price">
        {format.money(subscription.priceSnapshot)} {pricePer[subscription.paymentPlan]}
      </Table.Td>
      <Table.Td data-label="State">
        <Badge color={badge.color} variant={past ? 'outline' : 'light'}>
          {badge.label}
        </Badge>
      </Table.Td>
      <Table.Td data-label="Change">
        {!past && can('enrollment.write') && (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => onUpdate(subscription)}
            aria-label={`Update ${subscription.sessionName} enrollment`}
          >
            Update
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
