import { clientsApi } from '../../features/catalog/api/catalog-api';
import { ClientLink } from '../../features/clients/components/client-link';
import { ClientForm } from '../../features/setup/components/client-form';
import { ResourceSetup } from '../../features/setup/components/resource-setup';
import { useFormat } from '../../shared/format/use-format';

export function ClientsSetupPage() {
  const format = useFormat();
  return (
    <ResourceSetup
      title="Clients"
      noun="client"
      description="The people who attend; each belongs to a family."
      permission="clients.write"
      api={clientsApi}
      columns={[
        { header: 'Name', cell: (client) => <ClientLink client={client} /> },
        { header: 'Born', cell: (client) => (client.birthDate ? format.date(client.birthDate) : '—') },
      ]}
      nameOf={(client) => `${client.firstName} ${client.lastName}`}
      emptyInput={() => ({ familyId: '', firstName: '', lastName: '', birthDate: null, notes: '' })}
      toInput={(client) => ({
        familyId: client.familyId,
        firstName: client.firstName,
        lastName: client.lastName,
        birthDate: client.birthDate,
        notes: client.notes,
      })}
      required={{ familyId: 'Choose the family', firstName: 'Enter the first name', lastName: 'Enter the last name' }}
      Form={ClientForm}
    />
  );
}
