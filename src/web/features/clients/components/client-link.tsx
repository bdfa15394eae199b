import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import type { ClientDto } from '../../../api/types';

/** A client's name as lists sort it ("Patel, Maya"), linking to their profile. */
export function ClientLink({ client }: { client: Pick<ClientDto, 'id' | 'firstName' | 'lastName'> }) {
  return (
    <Anchor component={Link} to={`/clients/${client.id}`} size="sm" title={`${client.firstName} ${client.lastName}`} className="truncate">
      {client.lastName}, {client.firstName}
    </Anchor>
  );
}
