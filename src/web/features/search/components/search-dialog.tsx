import { Anchor, Box, Group, Loader, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { SearchResultDto } from '../../../../contracts/families';
import { useOpenedAfterMount } from '../../../shared/components/opened-after-mount';
import { problemMessage } from '../../../shared/components/problem-message';
import { usePeopleSearch } from '../hooks/use-people-search';
import classes from './header-search.module.css';

/** The header search's dialog (header-search.tsx loads it when first wanted). */
export function SearchDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const shown = useOpenedAfterMount(opened);
  return (
    <Modal opened={shown} onClose={onClose} title="Search" size="lg" yOffset="8vh">
      {shown && <SearchPanel onChosen={onClose} />}
    </Modal>
  );
}

/** The words typed, what the server finds for them, and the links to go there. */
function SearchPanel({ onChosen }: { onChosen: () => void }) {
  const navigate = useNavigate();
  const [words, setWords] = useState('');
  const { results, found } = usePeopleSearch(words);
  const list = useRef<HTMLDivElement>(null);
  const targets = found ? resultTargets(found) : [];

  // Up and down move through the results; Enter in the field opens the first one.
  function moveFocus(event: KeyboardEvent) {
    const links = Array.from(list.current?.querySelectorAll<HTMLElement>('[data-result]') ?? []);
    const at = links.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'ArrowDown' && links.length > 0) {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)]?.focus();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault();
      if (at === 0) document.getElementById('header-search-words')?.focus();
      else links[at - 1]?.focus();
    } else if (event.key === 'Enter' && at < 0 && targets[0]) {
      event.preventDefault();
      navigate(targets[0]);
      onChosen();
    }
  }

  return (
    <Stack gap="sm" onKeyDown={moveFocus}>
      <TextInput
        id="header-search-words"
        data-autofocus
        label="Name, phone or email"
        description="A child, a parent or a family; accents and capitals do not matter."
        value={words}
        onChange={(event) => setWords(event.currentTarget.value)}
        rightSection={results.isFetching ? <Loader size="xs" aria-label="Searching" /> : null}
        autoComplete="off"
        inputMode="search"
      />
      <div ref={list} aria-live="polite">
        {results.error ? (
          <Text c="red.8" size="sm" role="alert">
            {problemMessage(results.error)}
          </Text>
        ) : found ? (
          <SearchResults found={found} onChosen={onChosen} />
        ) : (
          <Text size="sm" c="dimmed">
            Type at least 2 letters or digits.
          </Text>
        )}
      </div>
    </Stack>
  );
}

/** Where each result leads, in the order shown: clients, guardians (to their family), families. */
function resultTargets(found: SearchResultDto): string[] {
  return [
    ...found.clients.map((client) => `/clients/${client.id}`),
    ...found.guardians.map((guardian) => `/families/${guardian.familyId}`),
    ...found.families.map((family) => `/families/${family.id}`),
  ];
}

function SearchResults({ found, onChosen }: { found: SearchResultDto; onChosen: () => void }) {
  const nothing = found.clients.length + found.guardians.length + found.families.length === 0;
  if (nothing) return <Text size="sm">Nobody matches these words.</Text>;
  const children = (list: { firstName: string }[]) => (list.length > 0 ? `Children: ${list.map((c) => c.firstName).join(', ')}` : 'No children yet');
  return (
    <Stack gap="xs">
      <ResultGroup title="Clients" count={found.clients.length}>
        {found.clients.map((client) => (
          <Result key={client.id} to={`/clients/${client.id}`} onChosen={onChosen} name={`${client.firstName} ${client.lastName}`} detail={`${client.familyName} family`} />
        ))}
      </ResultGroup>
      <ResultGroup title="Guardians" count={found.guardians.length}>
        {found.guardians.map((guardian) => (
          <Result
            key={guardian.id}
            to={`/families/${guardian.familyId}`}
            onChosen={onChosen}
            name={guardian.name}
            detail={[guardian.phone, guardian.email, `${guardian.familyName} family`, children(guardian.children)].filter(Boolean).join(' · ')}
          />
        ))}
      </ResultGroup>
      <ResultGroup title="Families" count={found.families.length}>
        {found.families.map((family) => (
          <Result key={family.id} to={`/families/${family.id}`} onChosen={onChosen} name={`${family.name} family`} detail={children(family.children)} />
        ))}
      </ResultGroup>
    </Stack>
  );
}

function ResultGroup({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <section aria-label={title}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={2}>
        {title}
      </Text>
      <Stack gap={2} component="ul" className={classes.results}>
        {children}
      </Stack>
    </section>
  );
}

function Result({ to, name, detail, onChosen }: { to: string; name: string; detail: string; onChosen: () => void }) {
  return (
    <li>
      <UnstyledButton component={Link} to={to} onClick={onChosen} data-result className={classes.result}>
        <Group gap={0} wrap="nowrap" justify="space-between">
          <Box miw={0}>
            <Anchor component="span" size="sm" fw={600} display="block" truncate="end" title={name}>
              {name}
            </Anchor>
            <Text size="xs" c="dimmed" truncate="end" title={detail}>
              {detail}
            </Text>
          </Box>
        </Group>
      </UnstyledButton>
    </li>
  );
}
