import { Modal, Stepper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { DiscountInput, FinishInput, TransferRequest, TransferTargetDto } from '../../../api/types';
import { useFormat } from '../../../shared/format/use-format';
import { firstRealDate } from '../../sessions/first-real-date';
import { useCreateTransfer } from '../hooks/use-create-transfer';
import { useTransferPreview } from '../hooks/use-transfer-preview';
import { useTransferTargets } from '../hooks/use-transfer-targets';
import type { TransferStart } from '../transfer-start';
import { CheckoutStep } from './checkout-step';
import { DatesStep, type TransferDates } from './dates-step';
import { TargetStep } from './target-step';
import { useOpenedAfterMount } from '../../../shared/components/opened-after-mount';

interface TransferDialogProps {
  start: TransferStart;
  opened: boolean;
  onClose: () => void;
  onClosed: () => void;
}

/** Choose the target, then its dates, then pay: nothing is saved until a finish button is pressed. */
export function TransferDialog({ start, opened, onClose, onClosed }: TransferDialogProps) {
  const navigate = useNavigate();
  const draft = useTransferDraft(start);
  const finishing = useFinishTransfer(start, draft, () => {
    onClose();
    // Approving a request keeps staff on the queue; any other transfer shows the client's profile.
    if (!start.request) navigate(`/clients/${start.clientId}`);
  });
  // Its code loads when first wanted: opened a render after mounting, so closing gives focus back.
  const shown = useOpenedAfterMount(opened);
  return (
    <Modal
      opened={shown}
      onClose={onClose}
      onExitTransitionEnd={onClosed}
      closeOnEscape={!finishing.sending}
      closeOnClickOutside={false}
      withCloseButton={!finishing.sending}
      size={960}
      title={<DialogTitle start={start} />}
    >
      <TransferSteps start={start} draft={draft} finishing={finishing} />
    </Modal>
  );
}

type TransferDraft = ReturnType<typeof useTransferDraft>;

/** What staff have chosen so far (step, target, dates, discounts) and the server's preview of it. */
function useTransferDraft(start: TransferStart) {
  const [step, setStep] = useState(0);
  const [target, setTarget] = useState<TransferTargetDto | null>(null);
  const [dates, setDates] = useState<TransferDates | null>(null);
  const [discounts, setDiscounts] = useState<DiscountInput[]>([]);
  const request: TransferRequest | null =
    target && dates
      ? {
          subscriptionId: start.subscriptionId,
          transferDate: start.transferDate,
          targetSessionId: target.sessionId,
          firstSessionDate: dates.firstSessionDate,
          oldEndsOn: dates.oldEndsOn,
          capacityOverride: dates.capacityOverride,
          discounts,
        }
      : null;
  const preview = useTransferPreview(step >= 1 ? request : null);
  usePrefilledRequest(start, target, (found) => {
    setTarget(found);
    setDates({ firstSessionDate: start.request!.firstSessionDate, oldEndsOn: start.transferDate, capacityOverride: false });
  });

  function chooseTarget(next: TransferTargetDto) {
    setTarget(next);
    setDates({
      firstSessionDate: next.firstSessionDate ?? firstRealDate(next.nextDates) ?? '',
      oldEndsOn: start.transferDate,
      capacityOverride: false,
    });
  }

  return { step, setStep, target, chooseTarget, dates, setDates, discounts, setDiscounts, request, preview };
}

/** A guardian's request opens with its session chosen and its first date set, once the targets are loaded. */
function usePrefilledRequest(start: TransferStart, target: TransferTargetDto | null, choose: (target: TransferTargetDto) => void) {
  const targets = useTransferTargets(start.subscriptionId, start.transferDate);
  const prefilled = useRef(false);
  useEffect(() => {
    if (!start.request || prefilled.current || target || !targets.data) return;
    const asked = targets.data.targets.find((t) => t.sessionId === start.request!.targetSessionId);
    prefilled.current = true;
    if (asked) choose(asked);
  }, [start.request, target, targets.data, choose]);
}

type FinishTransfer = ReturnType<typeof useFinishTransfer>;

/** Makes the transfer once, however often a finish button is pressed, and says so when done. */
function useFinishTransfer(start: TransferStart, draft: TransferDraft, onDone: () => void) {
  const format = useFormat();
  const createTransfer = useCreateTransfer();
  const queryClient = useQueryClient();
  // Set at once on the first click; the disabled button only follows on the next render.
  const submitted = useRef(false);

  function finish(choice: FinishInput) {
    if (!draft.request || submitted.current) return;
    submitted.current = true;
    createTransfer.mutate(
      { ...draft.request, finish: choice, ...(start.request ? { transferRequestId: start.request.id } : {}) },
      {
        onError: () => {
          submitted.current = false;
          // A request refused because its enrollment changed is recorded so: the queue shows it.
          if (start.request) void queryClient.invalidateQueries({ queryKey: ['transfer-requests'] });
        },
        onSuccess: (result) => {
          notifications.show({
            color: 'teal',
            title: start.request ? 'Request approved' : 'Transfer done',
            message: `${start.clientName} moves to ${draft.target!.sessionName} from ${format.date(result.newSubscription.startsOn)}.`,
          });
          onDone();
        },
      },
    );
  }

  return {
    finish,
    /** While the request is on its way: the dialog cannot be closed. */
    sending: createTransfer.isPending,
    /** From the request until the dialog closes: nothing can be finished again. */
    pending: createTransfer.isPending || createTransfer.isSuccess,
    error: createTransfer.error,
  };
}

function DialogTitle({ start }: { start: TransferStart }) {
  const format = useFormat();
  return (
    <div>
      <Text fw={700} size="lg" component="span">
        Transfer {start.clientName}
      </Text>
      <Text size="sm" c="dimmed">
        From {start.sessionName}, leaving on {format.date(start.transferDate)}
      </Text>
      {start.request && (
        <Text size="sm" mt={4} data-testid="request-note">
          Requested by {start.request.guardianName}
          {start.request.note ? `: “${start.request.note}”` : ' (no note)'}
        </Text>
      )}
    </div>
  );
}

function TransferSteps({ start, draft, finishing }: { start: TransferStart; draft: TransferDraft; finishing: FinishTransfer }) {
  const { step, setStep, target, dates } = draft;
  return (
    <Stepper active={step} onStepClick={setStep} allowNextStepsSelect={false} size="sm">
      <Stepper.Step label="Session" description={target?.sessionName ?? 'Where to'}>
        <TargetStep start={start} selected={target} onSelect={draft.chooseTarget} onContinue={() => setStep(1)} />
      </Stepper.Step>
      <Stepper.Step label="Dates" description="First and last dates">
        {target && dates && (
          <DatesStep
            start={start}
            target={target}
            value={dates}
            onChange={draft.setDates}
            preview={draft.preview}
            onBack={() => setStep(0)}
            onContinue={() => setStep(2)}
          />
        )}
      </Stepper.Step>
      <Stepper.Step label="Payment" description="Checkout">
        <CheckoutStep
          discounts={draft.discounts}
          onDiscountsChange={draft.setDiscounts}
          preview={draft.preview}
          finishing={{ pending: finishing.pending, error: finishing.error }}
          onFinish={finishing.finish}
          onBack={() => setStep(1)}
        />
      </Stepper.Step>
    </Stepper>
  );
}
