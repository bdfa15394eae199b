import { TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { minorUnitDigits } from '../../../domain/billing/money';
import type { MoneyDisplay } from '../../../domain/billing/value-sets';
import { numberFormat } from '../../../domain/formatting/intl-formats';
import { useMoneyDisplay } from '../../features/auth/hooks/use-session';
import { fromMinorUnits, toMinorUnits } from '../format/minor-units';

type MoneyInputProps = Omit<TextInputProps, 'value' | 'onChange'> & {
  /** Minor units, or null while the text is empty or not an amount. */
  value: number | null;
  onChange: (amount: number | null) => void;
};

/** The currency's sign as the locale writes it ("$", "€"), from the same formatter amounts are shown with. */
function currencySymbol({ currency, locale }: MoneyDisplay): string {
  const parts = numberFormat(locale, { style: 'currency', currency }).formatToParts(0);
  return parts.find((part) => part.type === 'currency')?.value ?? currency;
}

/** An amount in the organization's currency, typed as a decimal and kept as integer minor units. */
export function MoneyInput({ value, onChange, error, ...props }: MoneyInputProps) {
  const money = useMoneyDisplay();
  const digits = minorUnitDigits(money.currency);
  const [text, setText] = useState(value === null ? '' : fromMinorUnits(value, digits));

  // Follow a value set from outside (e.g. "the total") without fighting what is being typed.
  useEffect(() => {
    if (toMinorUnits(text, digits) !== value) setText(value === null ? '' : fromMinorUnits(value, digits));
    // Only an outside change of the value may rewrite the text, so `text` is deliberately not a dependency.
  }, [value, digits]);

  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      leftSection={currencySymbol(money)}
      {...props}
      error={error ?? (text.trim() && toMinorUnits(text, digits) === null ? `Enter an amount like ${fromMinorUnits(8000, digits)}` : undefined)}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        onChange(toMinorUnits(event.currentTarget.value, digits));
      }}
    />
  );
}
