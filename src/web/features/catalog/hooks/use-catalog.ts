import { instructorsApi, locationsApi, servicesApi } from '../api/catalog-api';
import { useResourceList } from './use-resource';

/** A select's options for records with a name: the id as the value, the name as the label. */
export function nameOptions(items: { id: string; name: string }[]) {
  return items.map((item) => ({ value: item.id, label: item.name }));
}

function nameById(items: { id: string; name: string }[] | undefined) {
  return new Map((items ?? []).map((item) => [item.id, item.name]));
}

/** Locations, instructors and services of the organization, for filters, forms and names by id. */
export function useCatalog(options: { enabled?: boolean } = {}) {
  const locations = useResourceList(locationsApi, {}, options);
  const instructors = useResourceList(instructorsApi, {}, options);
  const services = useResourceList(servicesApi, {}, options);
  return {
    locations: locations.data?.items ?? [],
    instructors: instructors.data?.items ?? [],
    services: services.data?.items ?? [],
    locationName: nameById(locations.data?.items),
    instructorName: nameById(instructors.data?.items),
    serviceName: nameById(services.data?.items),
    isPending: locations.isPending || instructors.isPending || services.isPending,
    error: locations.error ?? instructors.error ?? services.error,
    refetch: () => {
      void locations.refetch();
      void instructors.refetch();
      void services.refetch();
    },
  };
}
