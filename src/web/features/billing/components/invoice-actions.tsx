import { Button, Flex, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { InvoiceDto } from '../../../api/types';
import { useFormat } from '../../../shared/format/use-format';
import { useCan } from '../../auth/hooks/use-permission';
import { invoiceOptions, type InvoiceAction } from '../invoice-state';
import { AddDiscountDialog, VoidInvoiceDialog, WriteOffDialog } from './adjustment-dialogs';
import { ApplyCreditDialog, RefundDialog, TakePaymentDialog } from './payment-dialogs';

const actionLabels: Record<InvoiceAction, string> = {
  pay: 'Take a payment',
  applyCredit: 'Apply account credit',
  discount: 'Add a discount',
  writeOff: 'Write off',
  void: 'Void',
  refund: 'Refund a payment',
};

interface InvoiceActionsProps {
  invoice: InvoiceDto;
  title: string;
  /** Account credit the family holds. */
  accountCredit: number;
}

/**
 * What staff can do to one invoice, by role and by the invoice's state: the buttons they may
 * use, why the others are not there ("Paid in full"), and the printable invoice.
 */
export function InvoiceActions({ invoice, title, accountCredit }: InvoiceActionsProps) {
  const can = useCan();
  const format = useFormat();
  const [open, setOpen] = useState<InvoiceAction | null>(null);
  const { offered, notes } = invoiceOptions({ invoice, accountCredit, can, money: format.money });
  const dialog = { invoice, title, onClose: () => setOpen(null) };
  return (
    <Stack gap="xs" className="no-print" data-focus-fallback tabIndex={-1} role="group" aria-label={`Actions on ${title}`}>
      {notes.map((note) => (
        <Text key={note} size="sm" c="dimmed" data-testid="invoice-note">
          {note}
        </Text>
      ))}
      <Flex gap="xs" wrap="wrap" direction={{ base: 'column', xs: 'row' }}>
        {offered.map((action, index) => (
          <Button
            key={action}
            size="sm"
            variant={index === 0 && action === 'pay' ? 'filled' : 'light'}
            color={action === 'void' || action === 'writeOff' || action === 'refund' ? 'red' : undefined}
            onClick={() => setOpen(action)}
            w={{ base: '100%', xs: 'auto' }}
          >
            {actionLabels[action]}
          </Button>
        ))}
        <Button component={Link} to={`/invoices/${invoice.id}/print`} size="sm" variant="default" w={{ base: '100%', xs: 'auto' }}>
          Printable invoice
        </Button>
      </Flex>
      {open === 'pay' && <TakePaymentDialog {...dialog} />}
      {open === 'applyCredit' && <ApplyCreditDialog {...dialog} accountCredit={accountCredit} />}
      {open === 'discount' && <AddDiscountDialog {...dialog} />}
      {open === 'writeOff' && <WriteOffDialog {...dialog} />}
      {open === 'void' && <VoidInvoiceDialog {...dialog} />}
      {open === 'refund' && <RefundDialog {...dialog} />}
    </Stack>
  );
}
