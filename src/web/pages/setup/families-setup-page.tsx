import { familiesApi } from '../../features/catalog/api/catalog-api';
import { FamilyLink } from '../../features/clients/components/family-link';
import { FamilyForm } from '../../features/setup/components/family-form';
import { GuardiansEditor } from '../../features/setup/components/guardians-editor';
import { ResourceSetup } from '../../features/setup/components/resource-setup';

export function FamiliesSetupPage() {
  return (
    <ResourceSetup
      title="Families"
      noun="family"
      description="Billing accounts: guardians are the contacts, clients the people who attend."
      permission="clients.write"
      api={familiesApi}
      columns={[{ header: 'Name', cell: (family) => <FamilyLink family={family} /> }]}
      nameOf={(family) => `${family.name} family`}
      emptyInput={() => ({ name: '' })}
      toInput={(family) => ({ name: family.name })}
      required={{ name: 'Give the family a name' }}
      Form={FamilyForm}
      extra={(family) => <GuardiansEditor family={family} />}
      search={{
        label: 'Search families',
        placeholder: 'Family or guardian name, phone or email',
        hint: 'Search by the family name, or a guardian’s name, phone number or email.',
      }}
    />
  );
}
