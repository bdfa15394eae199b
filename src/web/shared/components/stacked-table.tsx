import { Table, type TableProps, type TableTdProps } from '@mantine/core';
import classes from './stacked-table.module.css';

/**
 * The one responsive table of the app: a table where there is room, one card per row on a
 * phone (each cell then shows its column's name before its value), never wider than the screen.
 * Cells take their column's name with `StackedCell`'s `label`.
 */
export function StackedTable({ className, ...props }: TableProps) {
  return <Table {...props} className={[classes.table, className].filter(Boolean).join(' ')} />;
}

interface StackedCellProps extends TableTdProps {
  /** The column's name, shown before the value on a phone; none for a cell of row actions. */
  label?: string;
}

export function StackedCell({ label, children, ...props }: StackedCellProps) {
  return (
    <Table.Td data-label={label} data-actions={label === undefined || undefined} {...props}>
      {/* One box for the value, so a name, a line break and a phone number stay together on a card. */}
      <div className={classes.value}>{children}</div>
    </Table.Td>
  );
}
