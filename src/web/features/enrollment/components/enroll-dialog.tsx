import { Button, Group, Loader, Modal, SimpleGrid, Stack, Stepper, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { EnrollPreviewInput } from '../../../../contracts/enrollment';
import type { DiscountInput, FinishInput, SessionDto } from '../../../api/types';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useFormat } from '../../../shared/format/use-format';
import { DiscountsAndTotals } from '../../transfers/components/discounts-and-totals';
import { finishFields, FinishOptions } from '../../transfers/components/finish-options';
import { NewInvoiceLines } from '../../transfers/components/new-invoice-lines';
import type { EnrollStart } from '../enroll-start';
import { useEnroll, useEnrollmentPreview, type EnrollmentPreview } from '../hooks/use-enrollment-checkout';
import { StepHeading } from '../../../shared/components/step-heading';
import { ClientStep, DateStep, SessionStep, type ChosenClient } from './enroll-steps';
import { useOpenedAfterMount } from '../../../shared/components/opened-after-mount';

interface EnrollDialogProps {
  start: EnrollStart;
  opened: boolean;
  onClose: () => void;
  onClosed: () => void;
}

type StepName = 'client' | 'session' | 'date' | 'payment';

/** Who, which session, the first date, then the same checkout as a transfer: nothing is saved until a finish button is pressed. */
export function EnrollDialog({ start, opened, onClose, onClosed }: EnrollDialogProps) {
  const navigate = useNavigate();
  const format = useFormat();
  const steps: StepName[] = [...(start.client ? [] : ['client' as const]), ...(start.session ? [] : ['session' as const]), 'date', 'payment'];
  const [at, setAt] = useState(0);
  const [client, setClient] = useState<ChosenClient | null>(start.client ?? null);
  const [session, setSession] = useState<Pick<SessionDto, 'id' | 'name'> | null>(start.session ?? null);
  const [firstDate, setFirstDate] = useState<string | null>(null);
  const [discounts, setDiscounts] = useState<DiscountInput[]>([]);
  const request: EnrollPreviewInput | null =
    client && session && firstDate ? { clientId: client.id, sessionId: session.id, startsOn: firstDate, discounts } : null;
  const preview = useEnrollmentPreview(steps[at] === 'payment' ? request : null);
  const enrolling = useEnroll();
  const submitted = useRef(false);
  const step = steps[at]!;
  const next = () => setAt((i) => Math.min(i + 1, steps.length - 1));
  const back = at > 0 ? () => setAt((i) => i - 1) : undefined;

  function finish(choice: FinishInput) {
    if (!request || submitted.current) return;
    submitted.current = true;
    enrolling.mutate(
      { ...request, finish: choice },
      {
        onError: () => {
          submitted.current = false;
        },
        onSuccess: (result) => {
          notifications.show({
            color: 'teal',
            title: 'Enrolled',
            message: `${client!.name} is enrolled in ${session!.name} from ${format.date(result.subscription.startsOn)}.`,
          });
          onClose();
          navigate(`/clients/${client!.id}`);
        },
      },
    );
  }

  const label: Record<StepName, string> = { client: 'Client', session: 'Session', date: 'First date', payment: 'Payment' };
  const detail: Record<StepName, string> = {
    client: client?.name ?? 'Who',
    session: session?.name ?? 'Where',
    date: firstDate ? format.shortDate(firstDate) : 'When',
    payment: 'Checkout',
  };
  // Its code loads when first wanted: opened a render after mounting, so closing gives focus back.
  const shown = useOpenedAfterMount(opened);
  return (
    <Modal
      opened={shown}
      onClose={onClose}
      onExitTransitionEnd={onClosed}
      closeOnEscape={!enrolling.isPending}
      closeOnClickOutside={false}
      withCloseButton={!enrolling.isPending}
      size={960}
      title={
        <div>
          <Text fw={700} size="lg" component="span">
            Enroll{client ? ` ${client.name}` : ''}
          </Text>
          {session && (
            <Text size="sm" c="dimmed">
              In {session.name}
            </Text>
          )}
        </div>
      }
    >
      <Stepper active={at} onStepClick={setAt} allowNextStepsSelect={false} size="sm">
        {steps.map((name) => (
          <Stepper.Step key={name} label={label[name]} description={detail[name]}>
            {name === step && step === 'client' && (
              <ClientStep
                selected={client}
                onSelect={setClient}
                onContinue={next}
                onNewFamily={() => {
                  onClose();
                  navigate('/families/new');
                }}
              />
            )}
            {name === step && step === 'session' && (
              <SessionStep
                selected={session as SessionDto | null}
                onSelect={(chosen) => {
                  setSession(chosen);
                  setFirstDate(null);
                }}
                onBack={back}
                onContinue={next}
              />
            )}
            {name === step && step === 'date' && session && (
              <DateStep sessionId={session.id} from={firstOffered(start.date, format.today())} selected={firstDate} onSelect={setFirstDate} onBack={back} onContinue={next} />
            )}
            {name === step && step === 'payment' && (
              <EnrollCheckout
                discounts={discounts}
                onDiscountsChange={setDiscounts}
                preview={preview}
                finishing={{ pending: enrolling.isPending || enrolling.isSuccess, error: enrolling.error }}
                onFinish={finish}
                onBack={back}
              />
            )}
          </Stepper.Step>
        ))}
      </Stepper>
    </Modal>
  );
}

interface EnrollCheckoutProps {
  discounts: DiscountInput[];
  onDiscountsChange: (discounts: DiscountInput[]) => void;
  preview: EnrollmentPreview;
  finishing: { pending: boolean; error: unknown };
  onFinish: (finish: FinishInput) => void;
  onBack?: () => void;
}

/** The first invoice line by line, discounts with what each takes off, live totals, and the three finishes. */
function EnrollCheckout({ discounts, onDiscountsChange, preview, finishing, onFinish, onBack }: EnrollCheckoutProps) {
  const shown = preview.lastGood;
  if (!shown) {
    return preview.error ? (
      <Stack>
        <StepHeading>Payment</StepHeading>
        <ProblemAlert error={preview.error} title="The checkout cannot be computed" />
        {onBack && (
          <Group>
            <Button variant="default" onClick={onBack}>
              Back to the first date
            </Button>
          </Group>
        )}
      </Stack>
    ) : (
      <Group gap="xs" role="status">
        <Loader size="xs" />
        <Text size="sm">Computing the invoice…</Text>
      </Group>
    );
  }
  return (
    <Stack gap="md">
      <StepHeading>Payment</StepHeading>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <NewInvoiceLines invoice={shown.invoice} />
        <Stack gap="sm">
          <DiscountsAndTotals discounts={discounts} onDiscountsChange={onDiscountsChange} invoice={shown.invoice} preview={preview} />
        </Stack>
      </SimpleGrid>
      <Title order={3} size="h5">
        Finish
      </Title>
      <ProblemAlert error={finishing.error} title="The enrollment was not made" shownFields={finishFields} fieldsHint="Correct the field marked in red and finish again." />
      <FinishOptions
        total={shown.invoice.total}
        dueOn={shown.invoice.dueOn}
        ready={Boolean(preview.data) && !preview.error && !preview.updating}
        pending={finishing.pending}
        error={finishing.error}
        onFinish={onFinish}
      />
      {onBack && (
        <Group>
          <Button variant="default" onClick={onBack} disabled={finishing.pending}>
            Back to the first date
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** Dates are offered from the date the entry point showed, or today if that has passed (the past needs a manager, and is not offered here). */
function firstOffered(date: string | undefined, today: string) {
  return date && date > today ? date : today;
}
