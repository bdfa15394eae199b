import { useMemo } from 'react';
import { formatMoney } from '../../../domain/billing/money';
import { numberFormat } from '../../../domain/formatting/intl-formats';
import { useMoneyDisplay, useOrganization } from '../../features/auth/hooks/use-session';
import { formatInstant, formatLocalDate, formatLocalTime, formatPeriod, todayIn, weekdaysText } from './dates';

/** Formatters bound to the organization's currency, locale and time zone. */
export function useFormat() {
  const { locale, timeZone } = useOrganization();
  const moneyDisplay = useMoneyDisplay();
  return useMemo(
    () => ({
      /** Every amount the web shows is written here, by the domain's formatMoney. */
      money: (amount: number) => formatMoney({ amount, ...moneyDisplay }),
      /** A signed change to what is owed: "+$80.00", "−$20.00" (a true minus sign), "$0.00". */
      signedMoney: (amount: number) =>
        amount > 0
          ? `+${formatMoney({ amount, ...moneyDisplay })}`
          : amount < 0
            ? `−${formatMoney({ amount: -amount, ...moneyDisplay })}`
            : formatMoney({ amount, ...moneyDisplay }),
      /** Basis points (1500) as the locale writes a percent ("15%"). */
      percent: (basisPoints: number) =>
        numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(basisPoints / 10_000),
      date: (date: string) => formatLocalDate(date, locale),
      shortDate: (date: string) => formatLocalDate(date, locale, 'short'),
      /** Local dates [start, endExclusive): "March 2027" or "Mar 18 – 31, 2027". */
      period: (start: string, endExclusive: string) => formatPeriod(start, endExclusive, locale),
      instant: (instant: string) => formatInstant(instant, timeZone, locale),
      time: (time: string) => formatLocalTime(time, locale),
      weekdays: (weekdays: number[]) => weekdaysText(weekdays, locale),
      today: () => todayIn(timeZone),
    }),
    [moneyDisplay, locale, timeZone],
  );
}
