import { Button, EmptyState } from '@mantine/core';
import { Link } from 'react-router';

/** A portal address that leads nowhere (an old link, or a screen not built yet). */
export function PortalNotFound() {
  return (
    <EmptyState title="This page does not exist" description="The link may be old or mistyped." py="xl">
      <Button component={Link} to="/portal">
        Go to your family's page
      </Button>
    </EmptyState>
  );
}
