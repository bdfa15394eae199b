import { Button, Flex, Modal, Stack, TextInput } from '@mantine/core';
import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { ProblemAlert } from '../../../shared/components/problem-alert';

interface ActionDialogProps {
  title: string;
  submitLabel: string;
  submitColor?: string;
  pending: boolean;
  /** The server's refusal: beside its field when the form has it, else its `detail` above the buttons. */
  error: unknown;
  /** The request paths of the fields this form shows messages beside ("body.amount"). */
  shownFields: readonly string[];
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}

/**
 * One billing action as a dialog: a form (Enter submits), the fields, the server's refusal,
 * Cancel and the action. Focus moves in when it opens and back when it closes; Escape closes.
 */
export function ActionDialog(props: ActionDialogProps) {
  const { title, submitLabel, submitColor, pending, error, shownFields, onSubmit, onClose, children } = props;
  useFocusBack();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!pending) onSubmit();
  };
  return (
    <Modal opened onClose={onClose} title={title} size="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {children}
          <ProblemAlert error={error} title="Not done" shownFields={shownFields} fieldsHint="Correct the field marked in red and try again." />
          <Flex direction={{ base: 'column-reverse', xs: 'row' }} justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={pending} w={{ base: '100%', xs: 'auto' }}>
              Cancel
            </Button>
            <Button type="submit" color={submitColor} loading={pending} w={{ base: '100%', xs: 'auto' }}>
              {submitLabel}
            </Button>
          </Flex>
        </Stack>
      </form>
    </Modal>
  );
}

interface ReasonInputProps {
  value: string;
  onChange: (value: string) => void;
  /** The server's message, or the one given when the reason was left empty. */
  error: string | undefined;
  description?: string;
  /** The field focus moves to when the dialog opens (when the reason is its first field). */
  autoFocus?: boolean;
}

/** Why staff did it: required, as the family's ledger and the audit show it. */
export function ReasonInput({ value, onChange, error, description, autoFocus = false }: ReasonInputProps) {
  return (
    <TextInput
      label="Reason"
      description={description}
      required
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      maxLength={500}
      data-autofocus={autoFocus || undefined}
    />
  );
}

/** The message to show when a required reason is left empty. */
export const reasonMissing = 'Say why, e.g. "family moved away"';

/**
 * Focus goes back where it was when the dialog opened (it is mounted open, so Mantine's own
 * return does not run); when that button is gone (a paid invoice has no Pay button), to the
 * nearest `data-focus-fallback` around it.
 */
function useFocusBack() {
  const opener = useRef<Element | null>(null);
  opener.current ??= document.activeElement;
  const pending = useRef<number | undefined>(undefined);
  useEffect(() => {
    // StrictMode mounts twice: the first unmount's return is cancelled by the second mount.
    window.clearTimeout(pending.current);
    const element = opener.current;
    const fallback = element?.closest<HTMLElement>('[data-focus-fallback]') ?? null;
    return () => {
      pending.current = window.setTimeout(() => {
        if (element instanceof HTMLElement && element.isConnected) element.focus();
        else if (fallback?.isConnected) fallback.focus();
      }, 0);
    };
  }, []);
}
