import type { Locale } from '@redress/contracts';

/** Lenders in the seeds are in mainland China; tenant time zones arrive with tenant settings (issue 4). */
const TIME_ZONE = 'Asia/Shanghai';

/** A due time as a borrower reads it, in their language and in Beijing time. */
export function formatInstant(at: Date, locale: Locale): string {
  const intlLocale = locale === 'en' ? 'en-GB' : locale;
  const text = new Intl.DateTimeFormat(intlLocale, {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: locale === 'en' ? 'short' : 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(at);
  return locale === 'en' ? `${text} (China Standard Time)` : text;
}
