import { locationsApi } from '../../features/catalog/api/catalog-api';
import { LocationForm } from '../../features/setup/components/location-form';
import { ResourceSetup } from '../../features/setup/components/resource-setup';

export function LocationsSetupPage() {
  return (
    <ResourceSetup
      title="Locations"
      noun="location"
      description="Where sessions take place: pools, rooms, studios."
      permission="catalog.write"
      api={locationsApi}
      columns={[
        { header: 'Name', cell: (location) => location.name },
        { header: 'Address', cell: (location) => location.address ?? '—' },
      ]}
      nameOf={(location) => location.name}
      emptyInput={() => ({ name: '', address: null })}
      toInput={(location) => ({ name: location.name, address: location.address })}
      required={{ name: 'Give the location a name' }}
      Form={LocationForm}
    />
  );
}
