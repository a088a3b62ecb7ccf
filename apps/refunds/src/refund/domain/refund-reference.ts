/**
 * Human-readable refund reference, unique per tenant: `TF` (退费) + the request date in China
 * Standard Time + a per-tenant daily sequence, e.g. TF20261125-000042 (the same shape as a
 * complaint's TS reference, so staff read both the same way).
 */
export function formatRefundReference(requestedAt: Date, sequence: number): string {
  return `TF${referenceDay(requestedAt)}-${String(sequence).padStart(6, '0')}`;
}

/** The calendar day (UTC+8, no daylight saving) on which the reference sequence restarts. */
export function referenceDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
}
