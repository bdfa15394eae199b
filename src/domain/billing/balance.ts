/** What one invoice still asks for; a void invoice asks for nothing. */
export interface InvoiceAmounts {
  status: 'open' | 'paid' | 'closed' | 'void';
  total: number;
  /** Payments less refunds. */
  paid: number;
  writtenOff: number;
  /** Account credit applied to it. */
  credited?: number;
}

export function amountDue(invoice: InvoiceAmounts): number {
  if (invoice.status === 'void') return 0;
  return invoice.total - invoice.paid - (invoice.credited ?? 0) - invoice.writtenOff;
}

/**
 * A family's balance: what its invoices that are not void still ask for, less the account
 * credit it holds. The ledger's sum is the same number, reached the other way.
 */
export function familyBalance(invoices: readonly InvoiceAmounts[], accountCreditHeld = 0): number {
  return invoices.reduce((sum, invoice) => sum + amountDue(invoice), 0) - accountCreditHeld;
}

/** The status an open, paid or closed invoice has for its amounts: paid when nothing is due, closed when written off to zero. */
export function statusForAmounts(invoice: InvoiceAmounts): 'open' | 'paid' | 'closed' {
  if (amountDue(invoice) > 0) return 'open';
  return invoice.writtenOff > 0 && invoice.paid + (invoice.credited ?? 0) < invoice.total ? 'closed' : 'paid';
}
