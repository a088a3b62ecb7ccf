import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Service-to-service HTTP calls outside the graph (the gateway asking tenancy to verify a client's
 * credentials or a tenant's status). The caller signs method, path, time and a hash of the body
 * with the platform's shared secret; the callee refuses anything unsigned, altered or older than
 * the window, so a captured request cannot be replayed later or against another endpoint.
 */
export const INTERNAL_TIMESTAMP_HEADER = 'x-redress-internal-timestamp';
export const INTERNAL_SIGNATURE_HEADER = 'x-redress-internal-signature';

function canonical(method: string, path: string, timestamp: string, body: string): string {
  return [method.toUpperCase(), path, timestamp, createHash('sha256').update(body).digest('base64url')].join('\n');
}

function mac(secret: string, text: string): string {
  // A key of its own, derived from the shared secret: an internal signature is never a valid gateway proof.
  const key = createHmac('sha256', secret).update('redress internal request v1').digest();
  return createHmac('sha256', key).update(text).digest('base64url');
}

export function signInternalRequest(secret: string, method: string, path: string, body: string, now = Date.now()): Record<string, string> {
  const timestamp = String(now);
  return { [INTERNAL_TIMESTAMP_HEADER]: timestamp, [INTERNAL_SIGNATURE_HEADER]: mac(secret, canonical(method, path, timestamp, body)) };
}

export function verifyInternalRequest(
  secret: string,
  request: { method: string; path: string; body: string; header(name: string): string | undefined },
  maxAgeMs = 30_000,
  now = Date.now(),
): boolean {
  const timestamp = request.header(INTERNAL_TIMESTAMP_HEADER);
  const signature = request.header(INTERNAL_SIGNATURE_HEADER);
  if (!timestamp || !signature || !/^\d{1,16}$/.test(timestamp)) return false;
  if (Math.abs(now - Number(timestamp)) > maxAgeMs) return false;
  const expected = Buffer.from(mac(secret, canonical(request.method, request.path, timestamp, request.body)));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
