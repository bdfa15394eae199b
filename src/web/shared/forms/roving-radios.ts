import type { KeyboardEvent } from 'react';

/**
 * A list of radio cards as one Tab stop (the chosen card, or the first): arrow keys move and
 * choose, as a native radio group does. Mantine's Radio.Card is a button each, so without this
 * crossing a list of 15 sessions took 15 Tab presses.
 */
export function rovingRadios<T extends string>(values: readonly T[], selected: T | null, onSelect: (value: T) => void) {
  const current = selected !== null && values.includes(selected) ? selected : (values[0] ?? null);
  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
    if (step === undefined || values.length === 0) return;
    const target = event.target as HTMLElement;
    if (target.getAttribute('role') !== 'radio') return;
    event.preventDefault();
    const at = current === null ? 0 : values.indexOf(current);
    const next = values[(at + step + values.length) % values.length]!;
    onSelect(next);
    const group = event.currentTarget;
    // Focus follows the choice once the list has drawn it as chosen.
    requestAnimationFrame(() => group.querySelector<HTMLElement>(`[role="radio"][data-value="${CSS.escape(next)}"]`)?.focus());
  }
  return {
    onKeyDown,
    /** Props of the card for `value`: only the current one is reachable with Tab. */
    cardProps: (value: T) => ({ tabIndex: value === current ? 0 : -1, 'data-value': value }),
  };
}
