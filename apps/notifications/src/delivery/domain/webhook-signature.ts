import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signing: HMAC-SHA256 over `<unix seconds>.<raw body>` with the tenant's secret, sent as
 * `Redress-Signature: t=<unix seconds>,v1=<hex>` with `Redress-Delivery: <notice id>`. A receiver
 * recomputes it, refuses a timestamp outside its tolerance and a delivery id it already took, and
 * so cannot be fooled by a replayed request. Each retry is signed afresh; its delivery id is the same.
 */
export const SIGNATURE_HEADER = 'redress-signature';
export const DELIVERY_HEADER = 'redress-delivery';

export function signWebhook(secret: string, body: string, timestampSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `t=${timestampSeconds},v1=${mac}`;
}

export type WebhookVerdict = { ok: true; deliveryId: string } | { ok: false; reason: 'malformed' | 'bad-signature' | 'stale' | 'replayed' };

export interface VerifyWebhookOptions {
  secret: string;
  signatureHeader: string | undefined;
  deliveryHeader: string | undefined;
  body: string;
  nowSeconds: number;
  /** How old a signature may be (default 300 s). */
  toleranceSeconds?: number;
  /** Delivery ids already accepted; a verified new one is added. */
  seen: Set<string>;
}

/** What a tenant's receiver does with a webhook call; exported for receivers written in TypeScript and for tests. */
export function verifyWebhook(o: VerifyWebhookOptions): WebhookVerdict {
  const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(o.signatureHeader ?? '');
  if (!match || !o.deliveryHeader) return { ok: false, reason: 'malformed' };
  const timestamp = Number(match[1]);
  const expected = Buffer.from(signWebhook(o.secret, o.body, timestamp).split('v1=')[1]!, 'hex');
  const given = Buffer.from(match[2]!, 'hex');
  if (!timingSafeEqual(expected, given)) return { ok: false, reason: 'bad-signature' };
  if (Math.abs(o.nowSeconds - timestamp) > (o.toleranceSeconds ?? 300)) return { ok: false, reason: 'stale' };
  if (o.seen.has(o.deliveryHeader)) return { ok: false, reason: 'replayed' };
  o.seen.add(o.deliveryHeader);
  return { ok: true, deliveryId: o.deliveryHeader };
}
