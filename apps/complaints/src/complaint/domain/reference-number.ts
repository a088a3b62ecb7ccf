/**
 * Human-readable complaint reference, unique per tenant: `TS` (投诉) + the receipt date in China
 * Standard Time + a per-tenant daily sequence, e.g. TS20261125-000042. Short enough to read out on
 * the phone; the date tells a handler at a glance how old the case is.
 */
export function formatReference(receivedAt: Date, sequence: number, tenantCode: string | null = null): string {
  const reference = `TS${referenceDay(receivedAt)}-${String(sequence).padStart(6, '0')}`;
  // A lender onboarded with a short code gets it in front (NWD-TS20261125-000042), so a reference
  // read out to another lender's desk is recognised as not theirs at once.
  return tenantCode ? `${tenantCode}-${reference}` : reference;
}

/** The calendar day (UTC+8, no daylight saving) on which the reference sequence restarts. */
export function referenceDay(receivedAt: Date): string {
  const shifted = new Date(receivedAt.getTime() + 8 * 60 * 60 * 1000);
  return shifted.toISOString().slice(0, 10).replace(/-/g, '');
}
