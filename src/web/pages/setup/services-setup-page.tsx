import { servicesApi } from '../../features/catalog/api/catalog-api';
import { ResourceSetup } from '../../features/setup/components/resource-setup';
import { ServiceForm } from '../../features/setup/components/service-form';
import { paymentPlanLabels, pricePer } from '../../shared/format/value-labels';
import { useFormat } from '../../shared/format/use-format';

export function ServicesSetupPage() {
  const format = useFormat();
  return (
    <ResourceSetup
      title="Services"
      noun="service"
      description="What the business sells, e.g. Group Swim Lessons; each session belongs to one."
      permission="catalog.write"
      api={servicesApi}
      columns={[
        { header: 'Name', cell: (service) => service.name },
        { header: 'Plan', cell: (service) => paymentPlanLabels[service.defaultPaymentPlan] },
        { header: 'Price', cell: (service) => `${format.money(service.defaultPrice)} ${pricePer[service.defaultPaymentPlan]}` },
      ]}
      nameOf={(service) => service.name}
      emptyInput={() => ({ name: '', description: '', defaultPaymentPlan: 'monthly' as const, defaultPrice: null })}
      toInput={(service) => ({
        name: service.name,
        description: service.description,
        defaultPaymentPlan: service.defaultPaymentPlan,
        defaultPrice: service.defaultPrice,
      })}
      required={{ name: 'Give the service a name', defaultPrice: 'Enter the default price, e.g. 80.00' }}
      Form={ServiceForm}
    />
  );
}
