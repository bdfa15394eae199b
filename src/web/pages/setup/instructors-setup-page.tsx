import { instructorsApi } from '../../features/catalog/api/catalog-api';
import { InstructorForm } from '../../features/setup/components/instructor-form';
import { ResourceSetup } from '../../features/setup/components/resource-setup';
import { CalendarFeedCard } from '../../features/calendar-feeds/components/calendar-feed-card';

export function InstructorsSetupPage() {
  return (
    <ResourceSetup
      title="Instructors"
      noun="instructor"
      description="Staff who teach sessions."
      permission="catalog.write"
      api={instructorsApi}
      columns={[
        { header: 'Name', cell: (instructor) => instructor.name },
        { header: 'Email', cell: (instructor) => instructor.email ?? '—' },
      ]}
      nameOf={(instructor) => instructor.name}
      emptyInput={() => ({ name: '', email: null })}
      toInput={(instructor) => ({ name: instructor.name, email: instructor.email })}
      required={{ name: 'Give the instructor a name' }}
      Form={InstructorForm}
      extra={(instructor) => (
        <CalendarFeedCard
          owner={{ kind: 'instructor', id: instructor.id }}
          description={`Every date of the sessions ${instructor.name} teaches, with how many are enrolled, for their phone or computer calendar.`}
          canChange
          headingOrder={3}
        />
      )}
    />
  );
}
