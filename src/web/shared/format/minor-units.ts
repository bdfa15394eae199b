/**
 * Money typed by a person ("12.5") to integer minor units (1250) and back, on the decimal
 * string itself so no float ever carries the amount. Returns null for text that is not an amount.
 */
export function toMinorUnits(text: string | number, digits: number): number | null {
  const value = String(text).trim().replace(/,/g, '');
  const match = /^(\d*)(?:\.(\d*))?$/.exec(value);
  if (!match || value === '' || value === '.') return null;
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  return Number(`${whole || '0'}${fraction.padEnd(digits, '0')}`);
}

export function fromMinorUnits(amount: number, digits: number): string {
  const units = Math.abs(amount).toString().padStart(digits + 1, '0');
  const whole = units.slice(0, units.length - digits);
  const fraction = units.slice(units.length - digits);
  return `${amount < 0 ? '-' : ''}${whole}${digits ? `.${fraction}` : ''}`;
}
