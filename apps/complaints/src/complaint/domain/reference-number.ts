/**
 * Human-readable complaint reference, unique per tenant: `TS` (投诉) + the receipt date in China
 * Standard Time + a per-tenant daily sequence, e.g. TS20261125-000042. Short enough to read out on
 * the phone; the date tells a handler at a glance how old the case is.
 */
export function formatReference(receivedAt: Date, sequence: number): string {
  return `TS${referenceDay(receivedAt)}-${String(sequence).padStart(6, '0')}`;
}

/** The calendar day (UTC+8, no daylight saving) on which the reference sequence restarts. */
export function referenceDay(receivedAt: Date): string {
  const shifted = new Date(receivedAt.getTime() + 8 * 60 * 60 * 1000);
  return shifted.toISOString().slice(0, 10).replace(/-/g, '');
}
