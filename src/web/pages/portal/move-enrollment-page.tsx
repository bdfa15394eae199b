import { Alert, Badge, Button, Group, NativeSelect, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { CreatedTransferRequestDto, PortalTransferTargetsDto } from '../../api/types';
import { usePortalTransferTargets, useSendTransferRequest } from '../../features/transfer-requests/hooks/use-portal-requests';
import { ProblemAlert } from '../../shared/components/problem-alert';
import { QueryState } from '../../shared/components/query-state';
import { useFormat } from '../../shared/format/use-format';
import { fieldError, fieldErrors } from '../../shared/forms/field-errors';
import { rovingRadios } from '../../shared/forms/roving-radios';

type Target = PortalTransferTargetsDto['targets'][number];
const NOTE_MAX = 1000;

/** A guardian asks to move a child's enrollment: a session with a free seat, one of its coming dates, a note. */
export function MoveEnrollmentPage() {
  const { subscriptionId = '' } = useParams();
  const targets = usePortalTransferTargets(subscriptionId);
  const [sent, setSent] = useState<CreatedTransferRequestDto | null>(null);
  return (
    <>
      {/* Once sent, the confirmation stays: the enrollment may already be moved (approved at once). */}
      {sent ? (
        <RequestSent sent={sent} />
      ) : (
        <QueryState label="the sessions" isPending={targets.isPending} error={targets.error} onRetry={() => void targets.refetch()}>
          {targets.data && <MoveForm data={targets.data} onSent={setSent} />}
        </QueryState>
      )}
    </>
  );
}

function MoveForm({ data, onSent }: { data: PortalTransferTargetsDto; onSent: (sent: CreatedTransferRequestDto) => void }) {
  const format = useFormat();
  const send = useSendTransferRequest();
  const [target, setTarget] = useState<Target | null>(null);
  const [firstDate, setFirstDate] = useState('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const errors = fieldErrors(send.error);
  const choosable = data.targets.filter((t) => !t.full);
  const roving = rovingRadios(
    choosable.map((t) => t.sessionId),
    target?.sessionId ?? null,
    (id) => choose(choosable.find((t) => t.sessionId === id)!),
  );

  function choose(next: Target) {
    setTarget(next);
    setFirstDate(next.dates.find((d) => d.selectable)?.date ?? '');
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!target || !firstDate) return;
    send.mutate({ subscriptionId: data.subscriptionId, targetSessionId: target.sessionId, firstSessionDate: firstDate, note: note.trim() }, { onSuccess: onSent });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Move ${data.childName}`}>
      <Stack gap="md">
        <div>
          <Title order={2} size="h3">
            Move {data.childName}
          </Title>
          <Text size="sm" c="dimmed">
            From {data.sessionName}. The school answers your request; you hear by email.
          </Text>
        </div>
        <Radio.Group
          label="Session to move to"
          description="Sessions with a free seat can be chosen"
          value={target?.sessionId ?? null}
          onChange={(id) => choose(data.targets.find((t) => t.sessionId === id)!)}
          error={fieldError(errors, 'body.targetSessionId') ?? (tried && !target ? 'Choose a session' : undefined)}
          required
        >
          <Stack gap={6} mt="xs" onKeyDown={roving.onKeyDown}>
            {data.targets.map((t) => (
              <TargetCard key={t.sessionId} target={t} {...(t.full ? { tabIndex: -1, 'data-value': t.sessionId } : roving.cardProps(t.sessionId))} />
            ))}
          </Stack>
        </Radio.Group>
        {target && (
          <NativeSelect
            label="First date in the new session"
            description="Only coming dates with a free seat from then on"
            value={firstDate}
            onChange={(event) => setFirstDate(event.currentTarget.value)}
            data={target.dates.map((d) => ({ value: d.date, label: d.selectable ? format.date(d.date) : `${format.date(d.date)} — full`, disabled: !d.selectable }))}
            error={fieldError(errors, 'body.firstSessionDate')}
            required
          />
        )}
        <Textarea
          label="Note for the school"
          description={`Optional, up to ${NOTE_MAX} characters`}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          maxLength={NOTE_MAX}
          autosize
          minRows={2}
          error={fieldError(errors, 'body.note')}
        />
        <ProblemAlert error={send.error} title="The request was not sent" shownFields={['body.targetSessionId', 'body.firstSessionDate', 'body.note']} />
        <Button type="submit" loading={send.isPending} fullWidth>
          Send request
        </Button>
      </Stack>
    </form>
  );
}

function TargetCard({ target, ...cardProps }: { target: Target; tabIndex: number; 'data-value': string }) {
  const format = useFormat();
  const seats = target.full ? 'Full' : `${target.freeSeats} seat${target.freeSeats === 1 ? '' : 's'} free`;
  return (
    <Radio.Card value={target.sessionId} p="sm" radius="sm" disabled={target.full} aria-label={`${target.sessionName}, ${seats}`} {...cardProps} style={target.full ? { opacity: 0.75 } : undefined}>
      <Group wrap="nowrap" gap="sm" align="flex-start">
        <Radio.Indicator disabled={target.full} mt={4} />
        <div style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" justify="space-between" wrap="nowrap">
            <Text fw={600}>{target.sessionName}</Text>
            {target.full ? (
              <Badge color="gray" variant="light">
                Full
              </Badge>
            ) : (
              <Text size="sm" c="teal.9" style={{ whiteSpace: 'nowrap' }}>
                {seats}
              </Text>
            )}
          </Group>
          <Text size="sm">
            {format.weekdays(target.weekdays)} {format.time(target.startTime)} · {target.locationName}
          </Text>
          <Text size="xs" c="dimmed">
            {target.serviceName} · {format.money(target.price)}
            {target.paymentPlan === 'monthly' ? ' a month' : target.paymentPlan === 'per_visit' ? ' a visit' : ' for the session'}
          </Text>
        </div>
      </Group>
    </Radio.Card>
  );
}

/** The request is with the school, or already approved by its rules. */
function RequestSent({ sent }: { sent: CreatedTransferRequestDto }) {
  const format = useFormat();
  const { request } = sent;
  const approved = request.status === 'approved';
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {approved ? 'Approved' : 'Request sent'}
      </Title>
      <Alert color={approved ? 'teal' : 'blue'} title={approved ? `${request.childName} moves to ${request.to.sessionName}` : 'The school will answer'}>
        {approved
          ? `The first ${request.to.sessionName} date is ${format.date(request.firstSessionDate)}. The new invoice is on your account; an email has the details.`
          : `You asked to move ${request.childName} from ${request.from.sessionName} to ${request.to.sessionName} from ${format.date(request.firstSessionDate)}. You will hear by email.`}
      </Alert>
      <Button component={Link} to="/portal/requests" variant="light" fullWidth>
        See my requests
      </Button>
    </Stack>
  );
}
