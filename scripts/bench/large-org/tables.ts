/**
 * The columns the large seed writes, per table, with the PostgreSQL type each value array
 * is cast to (see write.ts). Rows are kept as value arrays in this order: millions of
 * them fit in memory and go to the server as one array parameter per column.
 */
export const TABLES = {
  locations: { organization_id: 'uuid', id: 'uuid', name: 'text', address: 'text' },
  instructors: { organization_id: 'uuid', id: 'uuid', name: 'text', email: 'text' },
  services: {
    organization_id: 'uuid',
    id: 'uuid',
    name: 'text',
    description: 'text',
    default_payment_plan: 'payment_plan',
    default_price: 'int4',
  },
  sessions: {
    organization_id: 'uuid',
    id: 'uuid',
    service_id: 'uuid',
    name: 'text',
    // An array per row cannot ride in an array parameter; it goes as its text form.
    weekdays: 'smallint[]',
    start_time: 'time',
    duration_minutes: 'int4',
    starts_on: 'date',
    ends_on: 'date',
    capacity: 'int4',
    instructor_id: 'uuid',
    location_id: 'uuid',
    payment_plan: 'payment_plan',
    price: 'int4',
    created_at: 'timestamptz',
  },
  session_date_exceptions: {
    organization_id: 'uuid',
    session_id: 'uuid',
    date: 'date',
    kind: 'session_date_exception_kind',
    to_date: 'date',
    to_start_time: 'time',
    reason: 'text',
  },
  families: { organization_id: 'uuid', id: 'uuid', name: 'text', created_at: 'timestamptz' },
  guardians: { organization_id: 'uuid', id: 'uuid', family_id: 'uuid', name: 'text', email: 'text', phone: 'text', created_at: 'timestamptz' },
  clients: {
    organization_id: 'uuid',
    id: 'uuid',
    family_id: 'uuid',
    first_name: 'text',
    last_name: 'text',
    birth_date: 'date',
    notes: 'text',
    created_at: 'timestamptz',
  },
  subscriptions: {
    organization_id: 'uuid',
    id: 'uuid',
    client_id: 'uuid',
    session_id: 'uuid',
    starts_on: 'date',
    ends_on: 'date',
    status: 'subscription_status',
    payment_plan: 'payment_plan',
    price_snapshot: 'int4',
    created_at: 'timestamptz',
  },
  invoices: {
    organization_id: 'uuid',
    id: 'uuid',
    family_id: 'uuid',
    subscription_id: 'uuid',
    status: 'invoice_status',
    issued_on: 'date',
    due_on: 'date',
    period_start: 'date',
    period_end: 'date',
    subtotal: 'int4',
    discount_total: 'int4',
    total: 'int4',
    created_at: 'timestamptz',
  },
  invoice_lines: {
    organization_id: 'uuid',
    id: 'uuid',
    invoice_id: 'uuid',
    subscription_id: 'uuid',
    description: 'text',
    period_start: 'date',
    period_end: 'date',
    quantity_numerator: 'int4',
    quantity_denominator: 'int4',
    unit_amount: 'int4',
    amount: 'int4',
    created_at: 'timestamptz',
  },
  invoice_discounts: {
    organization_id: 'uuid',
    id: 'uuid',
    invoice_id: 'uuid',
    kind: 'discount_kind',
    basis_points: 'int4',
    amount: 'int4',
    reason: 'text',
    created_at: 'timestamptz',
  },
  payments: {
    organization_id: 'uuid',
    id: 'uuid',
    invoice_id: 'uuid',
    family_id: 'uuid',
    amount: 'int4',
    method: 'payment_method',
    reference: 'text',
    received_at: 'timestamptz',
    created_at: 'timestamptz',
  },
  write_offs: {
    organization_id: 'uuid',
    id: 'uuid',
    invoice_id: 'uuid',
    family_id: 'uuid',
    amount: 'int4',
    reason: 'text',
    written_off_at: 'timestamptz',
    created_at: 'timestamptz',
  },
  transfers: {
    organization_id: 'uuid',
    id: 'uuid',
    client_id: 'uuid',
    from_subscription_id: 'uuid',
    to_subscription_id: 'uuid',
    transfer_date: 'date',
    old_ends_on: 'date',
    first_session_date: 'date',
    previous_ends_on: 'date',
    reason: 'text',
    checkout: 'checkout_choice',
    invoice_id: 'uuid',
    created_at: 'timestamptz',
  },
  audit_events: {
    organization_id: 'uuid',
    id: 'uuid',
    actor_user_id: 'text',
    actor_role: 'text',
    action: 'text',
    entity_type: 'text',
    entity_id: 'uuid',
    client_id: 'uuid',
    before: 'jsonb',
    after: 'jsonb',
    created_at: 'timestamptz',
  },
} as const;

export type TableName = keyof typeof TABLES;
export type Value = string | number | null;
export type RowOf<T extends TableName> = { [K in keyof (typeof TABLES)[T]]: Value };

/** Parents first, so every foreign key finds its row. */
export const INSERT_ORDER: TableName[] = [
  'locations',
  'instructors',
  'services',
  'sessions',
  'session_date_exceptions',
  'families',
  'guardians',
  'clients',
  'subscriptions',
  'invoices',
  'invoice_lines',
  'invoice_discounts',
  'payments',
  'write_offs',
  'transfers',
  'audit_events',
];

/** Value arrays per table, in TABLES' column order. */
export class TableRows {
  readonly rows = new Map<TableName, Value[][]>(INSERT_ORDER.map((t) => [t, []]));

  add<T extends TableName>(table: T, row: RowOf<T>): void {
    const values = Object.keys(TABLES[table]).map((column) => {
      const value = (row as Record<string, Value | undefined>)[column];
      if (value === undefined) throw new Error(`${table}.${column} is missing in a planned row.`);
      return value;
    });
    this.rows.get(table)!.push(values);
  }

  count(table: TableName): number {
    return this.rows.get(table)!.length;
  }
}
