/** What one invoice still asks for; a void invoice asks for nothing. */
export interface InvoiceAmounts {
  status: 'open' | 'paid' | 'closed' | 'void';
  total: number;
  paid: number;
  writtenOff: number;
}

export function amountDue(invoice: InvoiceAmounts): number {
  if (invoice.status === 'void') return 0;
  return invoice.total - invoice.paid - invoice.writtenOff;
}

/** A family's balance: invoiced − paid − written off, over its invoices that are not void. */
export function familyBalance(invoices: readonly InvoiceAmounts[]): number {
  return invoices.reduce((sum, invoice) => sum + amountDue(invoice), 0);
}
