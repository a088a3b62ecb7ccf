import type { Locale } from '@redress/contracts';

/** Where the lenders of the seeds are; a tenant's own zone arrives with its onboarding. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const ZONE_NAMES: Record<string, string> = { 'Asia/Shanghai': 'China Standard Time', 'Asia/Hong_Kong': 'Hong Kong Time', 'Asia/Taipei': 'Taipei Time' };

const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : locale);

/** A due time as a borrower reads it, in their language and in the tenant's time zone. */
export function formatInstant(at: Date, locale: Locale, timeZone = DEFAULT_TIME_ZONE): string {
  const text = new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    year: 'numeric',
    month: locale === 'en' ? 'short' : 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(at);
  return locale === 'en' ? `${text} (${ZONE_NAMES[timeZone] ?? timeZone})` : text;
}

/** A day (an appeal window's last day), in the tenant's time zone. */
export function formatDay(at: Date, locale: Locale, timeZone = DEFAULT_TIME_ZONE): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    year: 'numeric',
    month: locale === 'en' ? 'short' : 'long',
    day: 'numeric',
  }).format(at);
}

/** Money in minor units, as a borrower reads it: ¥380.00 / CNY 380.00. */
export function formatMoney(amountMinor: number, currency: string, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency, currencyDisplay: locale === 'en' ? 'code' : 'symbol' }).format(
    amountMinor / 100,
  );
}
