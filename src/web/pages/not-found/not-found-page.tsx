import { Button, EmptyState } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <EmptyState title="This page does not exist" description="The link may be old or mistyped." py="xl">
      <Button component={Link} to="/">
        Go to the schedule
      </Button>
    </EmptyState>
  );
}
