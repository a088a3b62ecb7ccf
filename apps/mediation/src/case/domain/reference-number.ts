import { lenderDay } from '../../loan/domain/calendar-date';

/**
 * Human-readable case reference, unique per tenant: `TJ` (调解) or `XS` (协商) + the day in China
 * Standard Time + a per-tenant daily sequence, e.g. TJ20261125-000042, short enough to read out
 * on the phone.
 */
export function formatReference(kind: 'MEDIATION' | 'NEGOTIATION', openedAt: Date, sequence: number): string {
  return `${kind === 'MEDIATION' ? 'TJ' : 'XS'}${referenceDay(openedAt)}-${String(sequence).padStart(6, '0')}`;
}

/** The calendar day (UTC+8, no daylight saving) on which the reference sequence restarts. */
export function referenceDay(at: Date): string {
  return lenderDay(at).replace(/-/g, '');
}
