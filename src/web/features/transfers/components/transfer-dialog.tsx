import { Modal, Stepper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { DiscountInput, FinishInput, TransferRequest, TransferTargetDto } from '../../../api/types';
import { useFormat } from '../../../shared/format/use-format';
import { useCreateTransfer } from '../hooks/use-create-transfer';
import { useTransferPreview } from '../hooks/use-transfer-preview';
import type { TransferStart } from '../transfer-start';
import { CheckoutStep } from './checkout-step';
import { DatesStep, type TransferDates } from './dates-step';
import { TargetStep } from './target-step';

interface TransferDialogProps {
  start: TransferStart;
  opened: boolean;
  onClose: () => void;
  onClosed: () => void;
}

/** Choose the target, then its dates, then pay: nothing is saved until a finish button is pressed. */
export function TransferDialog({ start, opened, onClose, onClosed }: TransferDialogProps) {
  const format = useFormat();
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [target, setTarget] = useState<TransferTargetDto | null>(null);
  const [dates, setDates] = useState<TransferDates | null>(null);
  const [discounts, setDiscounts] = useState<DiscountInput[]>([]);
  const createTransfer = useCreateTransfer();
  // Set at once on the first click; the disabled button only follows on the next render.
  const submitted = useRef(false);

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

  function chooseTarget(next: TransferTargetDto) {
    setTarget(next);
    setDates({
      firstSessionDate: next.firstSessionDate ?? next.nextDates.find((d) => d.status !== 'cancelled')?.date ?? '',
      oldEndsOn: start.transferDate,
      capacityOverride: false,
    });
  }

  function finish(choice: FinishInput) {
    if (!request || submitted.current) return;
    submitted.current = true;
    createTransfer.mutate(
      { ...request, finish: choice },
      {
        onError: () => {
          submitted.current = false;
        },
        onSuccess: (result) => {
          notifications.show({
            color: 'teal',
            title: 'Transfer done',
            message: `${start.clientName} moves to ${target!.sessionName} from ${format.date(result.newSubscription.startsOn)}.`,
          });
          onClose();
          navigate(`/clients/${start.clientId}`);
        },
      },
    );
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={onClosed}
      closeOnEscape={!createTransfer.isPending}
      closeOnClickOutside={false}
      withCloseButton={!createTransfer.isPending}
      size={960}
      title={
        <div>
          <Text fw={700} size="lg" component="span">
            Transfer {start.clientName}
          </Text>
          <Text size="sm" c="dimmed">
            From {start.sessionName}, leaving on {format.date(start.transferDate)}
          </Text>
        </div>
      }
    >
      <Stepper active={step} onStepClick={setStep} allowNextStepsSelect={false} size="sm">
        <Stepper.Step label="Session" description={target?.sessionName ?? 'Where to'}>
          <TargetStep start={start} selected={target} onSelect={chooseTarget} onContinue={() => setStep(1)} />
        </Stepper.Step>
        <Stepper.Step label="Dates" description="First and last dates">
          {target && dates && (
            <DatesStep
              start={start}
              target={target}
              value={dates}
              onChange={setDates}
              preview={preview}
              onBack={() => setStep(0)}
              onContinue={() => setStep(2)}
            />
          )}
        </Stepper.Step>
        <Stepper.Step label="Payment" description="Checkout">
          <CheckoutStep
            discounts={discounts}
            onDiscountsChange={setDiscounts}
            preview={preview}
            finishing={{ pending: createTransfer.isPending || createTransfer.isSuccess, error: createTransfer.error }}
            onFinish={finish}
            onBack={() => setStep(1)}
          />
        </Stepper.Step>
      </Stepper>
    </Modal>
  );
}
