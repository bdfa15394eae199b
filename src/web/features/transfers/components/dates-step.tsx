import { StepHeading } from '../../../shared/components/step-heading';
import { Alert, Button, Checkbox, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { ApiError } from '../../../api/http';
import type { TransferTargetDto } from '../../../api/types';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { fieldError, fieldErrors, type FieldErrors } from '../../../shared/forms/field-errors';
import { windowWithin } from '../../../shared/format/dates';
import { useFormat } from '../../../shared/format/use-format';
import { useCan } from '../../auth/hooks/use-permission';
import { SessionDateSelect } from '../../sessions/components/session-date-select';
import { useSessionDates } from '../../sessions/hooks/use-session-dates';
import type { TransferPreview } from '../hooks/use-transfer-preview';
import type { TransferStart } from '../transfer-start';
import { TransferWarnings } from './transfer-warnings';

export interface TransferDates {
  firstSessionDate: string;
  oldEndsOn: string;
  capacityOverride: boolean;
}

interface DatesStepProps {
  start: TransferStart;
  target: TransferTargetDto;
  value: TransferDates;
  onChange: (value: TransferDates) => void;
  preview: TransferPreview;
  onBack: () => void;
  onContinue: () => void;
}

/** How far around the transfer date the old subscription's end may be moved. */
const OLD_END_WINDOW = { before: 56, after: 112 };

/** The request fields this step shows messages beside. */
const dateFields = ['body.firstSessionDate', 'body.oldEndsOn'];

/** Step 2: the new subscription's first date, the old one's end, and what the server says about them. */
export function DatesStep({ start, target, value, onChange, preview, onBack, onContinue }: DatesStepProps) {
  const can = useCan();
  const refusedForCapacity = preview.error instanceof ApiError && preview.error.code === 'CAPACITY_FULL';
  return (
    <Stack gap="md">
      <StepHeading>First and last dates</StepHeading>
      <DateChoices start={start} target={target} value={value} onChange={onChange} errors={fieldErrors(preview.error)} />
      <div aria-live="polite">
        <PreviewVerdict start={start} target={target} preview={preview} />
      </div>
      {(refusedForCapacity || value.capacityOverride) && can('capacity.override') && (
        <Checkbox
          label="Enroll even though the session is full (recorded in the audit log)"
          checked={value.capacityOverride}
          onChange={(event) => onChange({ ...value, capacityOverride: event.currentTarget.checked })}
        />
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          Back to sessions
        </Button>
        <Button onClick={onContinue} disabled={!preview.data || Boolean(preview.error) || preview.updating}>
          Continue to payment
        </Button>
      </Group>
    </Stack>
  );
}

interface DateChoicesProps extends Pick<DatesStepProps, 'start' | 'target' | 'value' | 'onChange'> {
  /** The preview's messages, shown beside the date they are about. */
  errors: FieldErrors;
}

/** The new session's first date (among its real dates) and the old enrollment's last (among its own). */
function DateChoices({ start, target, value, onChange, errors }: DateChoicesProps) {
  const oldDates = useSessionDates(start.sessionId, oldEndRange(start));
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }}>
      <SessionDateSelect
        label={`First date in ${target.sessionName}`}
        description="Only real dates of that session; the default is the first on or after the transfer date."
        dates={target.nextDates}
        value={value.firstSessionDate}
        onChange={(firstSessionDate) => onChange({ ...value, firstSessionDate })}
        error={fieldError(errors, 'body.firstSessionDate')}
      />
      <SessionDateSelect
        label={`No longer in ${start.sessionName} from`}
        description="The default is the transfer date; any of this enrollment's dates can be chosen."
        // Seats do not matter for leaving, so only the dates are offered.
        dates={oldDates.data?.map(({ date, status }) => ({ date, status })) ?? [{ date: value.oldEndsOn, status: 'scheduled' }]}
        value={value.oldEndsOn}
        onChange={(oldEndsOn) => onChange({ ...value, oldEndsOn })}
        error={
          fieldError(errors, 'body.oldEndsOn') ??
          (oldDates.error ? 'Could not load this enrollment’s dates; only the transfer date is offered.' : undefined)
        }
      />
    </SimpleGrid>
  );
}

/** What the server says about these dates: still checking, refused and why, warnings, or ready. */
function PreviewVerdict({ start, target, preview }: Pick<DatesStepProps, 'start' | 'target' | 'preview'>) {
  const format = useFormat();
  if (preview.updating && !preview.error) {
    return (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm">Checking the transfer…</Text>
      </Group>
    );
  }
  if (preview.error) {
    return (
      <ProblemAlert
        error={preview.error}
        title={`${target.sessionName} cannot be chosen as it is`}
        shownFields={dateFields}
        fieldsHint="Choose another date where marked in red."
      />
    );
  }
  if (!preview.data) return null;
  if (preview.data.warnings.length > 0) return <TransferWarnings warnings={preview.data.warnings} />;
  return (
    <Alert color="teal" title="Ready for payment">
      {start.clientName} can join {target.sessionName} from {format.date(preview.data.plan.firstSessionDate)} and leave{' '}
      {start.sessionName} from {format.date(preview.data.plan.oldEndsOn)}. Nothing is saved yet.
    </Alert>
  );
}

function oldEndRange(start: TransferStart) {
  return windowWithin({
    around: start.transferDate,
    ...OLD_END_WINDOW,
    startsOn: start.subscriptionStartsOn,
    endsOn: start.subscriptionEndsOn,
  });
}
