import { Button, Group, Modal, Pagination, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { StackedCell, StackedTable } from '../../../shared/components/stacked-table';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { QueryState } from '../../../shared/components/query-state';
import { fieldErrors, fieldErrorsIn } from '../../../shared/forms/field-errors';
import { useCan } from '../../auth/hooks/use-permission';
import { FULL_PAGE, type ResourceApi } from '../../catalog/api/catalog-api';
import { useResourceList, useSaveResource } from '../../catalog/hooks/use-resource';

/** A form's value: the API input, except that a number is null while its field is empty or not a number. */
type Draft<Input> = { [K in keyof Input]: Input[K] extends number ? Input[K] | null : Input[K] };

/** "Add a location", "Add an instructor". */
const addLabel = (noun: string) => `Add ${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

/**
 * A resource form's fields: controlled, with an input for every field of its value, and beside
 * each the message the server (or the check before sending) gave about it, by field name.
 */
export interface ResourceFormProps<Input> {
  value: Draft<Input>;
  onChange: (value: Draft<Input>) => void;
  errors: Record<string, string>;
}

interface ResourceSetupProps<T extends { id: string }, Input> {
  title: string;
  /** "location", "session"… for buttons and messages. */
  noun: string;
  description: string;
  /** Who may add and change these records. */
  permission: 'catalog.write' | 'clients.write';
  api: ResourceApi<T, Input>;
  columns: { header: string; cell: (item: T) => ReactNode }[];
  nameOf: (item: T) => string;
  emptyInput: () => Draft<Input>;
  toInput: (item: T) => Draft<Input>;
  Form: (props: ResourceFormProps<Input>) => ReactNode;
  /** Fields that must be filled, with what to say when they are not (checked before asking the server). */
  required: { [K in keyof Input]?: string };
  /** More to manage on a saved record (a family's guardians); a new record opens it right after saving. */
  extra?: (item: T) => ReactNode;
  /** A search box above the list, its words sent as the list's `search` (the server says what they match). */
  search?: { label: string; placeholder: string; hint: string };
}

/** "1 family matches “zoe”.", "12 families.": what the list now holds, in words. */
function countLine(total: number, noun: string, plural: string, searched: string): string {
  const counted = `${total} ${total === 1 ? noun : plural}`;
  if (!searched) return `${counted}.`;
  return `${counted} ${total === 1 ? 'matches' : 'match'} “${searched}”.`;
}

type Editing<T> = { mode: 'create' } | { mode: 'edit'; item: T };

/** List, create and change one kind of catalog record, the same way for every kind. */
export function ResourceSetup<T extends { id: string }, Input>(props: ResourceSetupProps<T, Input>) {
  const { title, noun, description, permission, api } = props;
  const can = useCan();
  const [page, setPage] = useState(1);
  const [words, setWords] = useState('');
  const [searched] = useDebouncedValue(words.trim(), 250);
  const list = useResourceList(api, { limit: FULL_PAGE, offset: (page - 1) * FULL_PAGE, search: searched || undefined });
  const [editing, setEditing] = useState<Editing<T> | null>(null);
  const items = list.data?.items ?? [];
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / FULL_PAGE));
  const mayWrite = can(permission);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3}>{title}</Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </div>
        {mayWrite && <Button onClick={() => setEditing({ mode: 'create' })}>{addLabel(noun)}</Button>}
      </Group>
      {props.search && (
        <TextInput
          type="search"
          label={props.search.label}
          placeholder={props.search.placeholder}
          value={words}
          onChange={(event) => {
            setWords(event.currentTarget.value);
            setPage(1);
          }}
          w={{ base: '100%', xs: 360 }}
        />
      )}
      {props.search && (
        // Always present, so a screen reader announces each new count, none found included.
        <Text size="sm" c="dimmed" aria-live="polite">
          {list.data && countLine(list.data.total, noun, title.toLowerCase(), searched)}
        </Text>
      )}
      <QueryState
        label={title.toLowerCase()}
        isPending={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        empty={
          searched
            ? { when: items.length === 0, title: `No ${noun} matches “${searched}”`, description: props.search?.hint ?? '' }
            : { when: items.length === 0, title: `No ${title.toLowerCase()} yet`, description: `Add the first ${noun}.` }
        }
      >
        <ResourceTable {...props} items={items} onEdit={mayWrite ? (item) => setEditing({ mode: 'edit', item }) : undefined} />
        {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} />}
      </QueryState>
      {editing && (
        <ResourceEditor
          {...props}
          key={editing.mode === 'edit' ? editing.item.id : 'new'}
          editing={editing}
          onSaved={(item) => (editing.mode === 'create' && props.extra ? setEditing({ mode: 'edit', item }) : setEditing(null))}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

interface ResourceTableProps<T extends { id: string }> {
  items: T[];
  columns: { header: string; cell: (item: T) => ReactNode }[];
  nameOf: (item: T) => string;
  /** Given when the person may change the records: each row gets an Edit button. */
  onEdit: ((item: T) => void) | undefined;
}

function ResourceTable<T extends { id: string }>({ items, columns, nameOf, onEdit }: ResourceTableProps<T>) {
  return (
    <StackedTable highlightOnHover verticalSpacing={4} fz="sm">
      <Table.Thead>
        <Table.Tr>
          {columns.map((column) => (
            <Table.Th key={column.header}>{column.header}</Table.Th>
          ))}
          {onEdit && <Table.Th>Change</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.id}>
            {columns.map((column) => (
              <StackedCell key={column.header} label={column.header}>
                {column.cell(item)}
              </StackedCell>
            ))}
            {onEdit && (
              <StackedCell>
                <Button size="compact-sm" variant="light" aria-label={`Edit ${nameOf(item)}`} onClick={() => onEdit(item)}>
                  Edit
                </Button>
              </StackedCell>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </StackedTable>
  );
}

interface ResourceEditorProps<T extends { id: string }, Input> extends ResourceSetupProps<T, Input> {
  editing: Editing<T>;
  onSaved: (item: T) => void;
  onClose: () => void;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/**
 * The record being added or changed: its draft, the messages beside its fields (the required
 * ones left empty, checked before sending, then the server's), and the save.
 */
function useResourceDraft<T extends { id: string }, Input>(props: ResourceEditorProps<T, Input>) {
  const { editing, noun, api, nameOf, onSaved, required } = props;
  const [value, setValue] = useState<Draft<Input>>(() => (editing.mode === 'edit' ? props.toInput(editing.item) : props.emptyInput()));
  const [missing, setMissing] = useState<Record<string, string>>({});
  const save = useSaveResource(api);
  const missingIn = (draft: Draft<Input>) =>
    Object.fromEntries(Object.entries(required).filter(([key]) => isEmpty(draft[key as keyof Input])) as [string, string][]);

  function change(next: Draft<Input>) {
    setValue(next);
    // A field filled in since the last try no longer says it is missing.
    setMissing((current) => Object.fromEntries(Object.entries(current).filter(([key]) => key in missingIn(next))));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const nowMissing = missingIn(value);
    setMissing(nowMissing);
    if (Object.keys(nowMissing).length > 0) return;
    save.mutate(
      // A null number goes as is: the server answers with its own message next to that field.
      { id: editing.mode === 'edit' ? editing.item.id : undefined, input: value as Input },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', title: `${noun[0]!.toUpperCase()}${noun.slice(1)} saved`, message: nameOf(saved) });
          onSaved(saved);
        },
      },
    );
  }

  return { value, change, submit, save, errors: { ...fieldErrorsIn(fieldErrors(save.error), 'body'), ...missing } };
}

function ResourceEditor<T extends { id: string }, Input>(props: ResourceEditorProps<T, Input>) {
  const { editing, noun, Form, nameOf, onClose, extra } = props;
  const { value, change, submit, save, errors } = useResourceDraft(props);
  return (
    <Modal opened onClose={onClose} size="lg" title={editing.mode === 'edit' ? `Edit ${nameOf(editing.item)}` : addLabel(noun)}>
      <Stack>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Form value={value} onChange={change} errors={errors} />
            <ProblemAlert
              error={save.error}
              title={`The ${noun} was not saved`}
              // The form has an input for each field of its value, each showing its message.
              shownFields={Object.keys(value).map((field) => `body.${field}`)}
              fieldsHint="Correct the fields marked in red and save again."
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {editing.mode === 'edit' && extra ? 'Done' : 'Cancel'}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {editing.mode === 'edit' ? 'Save changes' : `Add ${noun}`}
              </Button>
            </Group>
          </Stack>
        </form>
        {editing.mode === 'edit' && extra?.(editing.item)}
      </Stack>
    </Modal>
  );
}
