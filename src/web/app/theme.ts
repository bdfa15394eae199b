import { createTheme, DEFAULT_THEME, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white text on filled buttons (and blue links) above WCAG AA contrast.
  primaryShade: 8,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  // Plain objects, not Component.extend(): extend() would bring each component's code (a modal, a
  // drawer, a select) into the chunk every screen starts with, though only a few screens use them.
  components: {
    // A select's list is drawn when it opens, not kept in the page hidden: kept, every select
    // (the schedule's three filters) drew all its options and measured its position on a page's
    // first render, forcing a layout each (a third of the schedule's main-thread time on a phone).
    Combobox: { defaultProps: { keepMounted: false } },
    // A status badge is short and must be read whole ("Active", "Full"), never cut to "ACTI…".
    Badge: { styles: { root: { flexShrink: 0, minWidth: 'max-content' } } },
    // Mantine's close button is an icon without a name; screen readers need one.
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    // A notice ("Payment recorded") gets a named close button, and its text under a title stays
    // readable (Mantine's gray-6 there is 3.3:1 on white).
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Close' } },
      styles: { description: { color: 'var(--mantine-color-gray-7)' } },
    },
  },
});

/** Light badges, alerts and buttons on the palest tints, so their darkest-shade text (e.g. teal "Active") stays above 4.5:1. */
const lightVariantBackground = Object.fromEntries(
  Object.keys(DEFAULT_THEME.colors).flatMap((color) => [
    [`--mantine-color-${color}-light`, `var(--mantine-color-${color}-0)`],
    // Hovered, one shade darker: still above 4.5:1 under the text (red light buttons were 3.75:1).
    [`--mantine-color-${color}-light-hover`, `var(--mantine-color-${color}-1)`],
  ]),
);

/** Mantine's default dimmed, link and error colors are below 4.5:1 on white; front-desk screens need them readable. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    ...lightVariantBackground,
    // Orange and yellow stay too light even at shade 9: darken their text for warnings and "Open".
    '--mantine-color-orange-light-color': 'color-mix(in srgb, var(--mantine-color-orange-9), black 25%)',
    '--mantine-color-yellow-light-color': 'color-mix(in srgb, var(--mantine-color-yellow-9), black 35%)',
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-8)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {},
});
