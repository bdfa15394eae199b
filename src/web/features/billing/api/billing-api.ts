import { http } from '../../../api/http';
import type {
  AccountCreditInput,
  ApplyCreditInput,
  BillingSettingsDto,
  BillingSettingsInput,
  DiscountInput,
  FamilyBalanceDto,
  InvoiceDto,
  PaymentInput,
  RefundInput,
  StatementDto,
  VoidInput,
  WriteOffInput,
} from '../../../api/types';

/** A family's statement for the local dates [from, to) (`to` exclusive, as the API takes it). */
export interface StatementRange {
  from: string;
  to: string;
}

export const billingApi = {
  familyBalance: (familyId: string) => http.get<FamilyBalanceDto>(`/api/families/${familyId}/balance`),
  invoice: (invoiceId: string) => http.get<InvoiceDto>(`/api/invoices/${invoiceId}`),
  statement: (familyId: string, range: StatementRange) =>
    http.get<StatementDto>(`/api/families/${familyId}/statement`, { from: range.from, to: range.to }),
  /** The same statement as a CSV file: a plain link the browser downloads with the session cookie. */
  statementCsvUrl: (familyId: string, range: StatementRange) =>
    `/api/families/${familyId}/statement?${new URLSearchParams({ from: range.from, to: range.to, format: 'csv' })}`,

  pay: (invoiceId: string, input: PaymentInput) => http.post<InvoiceDto>(`/api/invoices/${invoiceId}/payments`, input),
  discount: (invoiceId: string, input: DiscountInput) => http.post<InvoiceDto>(`/api/invoices/${invoiceId}/discounts`, input),
  writeOff: (invoiceId: string, input: WriteOffInput) => http.post<InvoiceDto>(`/api/invoices/${invoiceId}/write-offs`, input),
  void: (invoiceId: string, input: VoidInput) => http.post<InvoiceDto>(`/api/invoices/${invoiceId}/void`, input),
  refund: (invoiceId: string, input: RefundInput) => http.post<InvoiceDto>(`/api/invoices/${invoiceId}/refunds`, input),
  applyCredit: (invoiceId: string, input: ApplyCreditInput) => http.post<InvoiceDto>(`/api/invoices/${invoiceId}/credits`, input),
  addAccountCredit: (familyId: string, input: AccountCreditInput) =>
    http.post<FamilyBalanceDto>(`/api/families/${familyId}/account-credit`, input),

  billingSettings: () => http.get<BillingSettingsDto>('/api/organization/billing-settings'),
  updateBillingSettings: (input: BillingSettingsInput) => http.patch<BillingSettingsDto>('/api/organization/billing-settings', input),
};
