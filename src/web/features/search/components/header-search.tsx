import { Box, Button, Kbd } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { lazy, Suspense, useState } from 'react';
import { useCan } from '../../auth/hooks/use-permission';
import classes from './header-search.module.css';

// The dialog (a modal with its focus trap and scroll lock, the results) is loaded the first time
// it is wanted, not with every screen: pointing at or focusing the button starts the download.
const loadDialog = () => import('./search-dialog');
const SearchDialog = lazy(() => loadDialog().then((m) => ({ default: m.SearchDialog })));

/**
 * Search from every screen (the header's button, or Ctrl+K / ⌘K / "/"): a child, a parent by
 * name, phone or email, or a family, whatever case or accents are typed.
 */
export function HeaderSearch() {
  const can = useCan();
  const [opened, dialog] = useDisclosure(false);
  // Mounted from the first opening on, so closing keeps Mantine's closing transition and focus return.
  const [wanted, setWanted] = useState(false);
  const open = () => {
    setWanted(true);
    dialog.open();
  };
  useHotkeys([
    ['mod+K', open],
    ['/', open],
  ]);
  if (!can('clients.read')) return null;
  return (
    <>
      <Button
        variant="default"
        size="xs"
        onClick={open}
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
        aria-label="Search clients, guardians and families"
        aria-keyshortcuts="Control+K"
        className={classes.trigger}
      >
        <SearchIcon />
        <Box component="span" visibleFrom="md" ml={6} fw={400}>
          Search people
        </Box>
        <Box component="span" visibleFrom="md" ml="sm">
          <Kbd size="xs">Ctrl K</Kbd>
        </Box>
      </Button>
      {wanted && (
        <Suspense fallback={null}>
          <SearchDialog opened={opened} onClose={dialog.close} />
        </Suspense>
      )}
    </>
  );
}

function SearchIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" />
    </svg>
  );
}

