import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** Who is calling, for which tenant: established by the gateway, trusted by subgraphs only when signed. */
export const callerSchema = z.object({
  tenantId: z.string().uuid(),
  actorId: z.string().min(1).max(200),
  /** Role names; the identity work gives them meaning (issue 4). */
  roles: z.array(z.string().min(1).max(50)).max(20),
  /** Present when a partner app acts for one borrower only. */
  borrowerId: z.string().min(1).max(200).nullable().default(null),
});

export type Caller = z.infer<typeof callerSchema>;

export interface RequestContext {
  caller: Caller;
  requestId: string;
}

export const GATEWAY_CONTEXT_HEADER = 'x-redress-context';
export const GATEWAY_SIGNATURE_HEADER = 'x-redress-signature';

const signedContextSchema = z.object({
  caller: callerSchema,
  requestId: z.string().min(1).max(200),
  /** The subgraph the proof is for: a proof captured on its way to one subgraph is no good at another. */
  audience: z.string().min(1).max(100),
  issuedAt: z.number(),
});

function sign(secret: string, encoded: string): string {
  return createHmac('sha256', secret).update(encoded).digest('base64url');
}

/** The gateway's proof: the caller, the request id, the target subgraph and a timestamp, HMAC-signed with the shared secret. */
export function signGatewayContext(secret: string, context: RequestContext, audience: string, now = Date.now()): Record<string, string> {
  const encoded = Buffer.from(JSON.stringify({ ...context, audience, issuedAt: now })).toString('base64url');
  return { [GATEWAY_CONTEXT_HEADER]: encoded, [GATEWAY_SIGNATURE_HEADER]: sign(secret, encoded) };
}

export type ProofFailure = 'missing' | 'bad-signature' | 'expired' | 'malformed' | 'wrong-audience';

/**
 * Verifies the gateway's proof on a subgraph request. A short validity window limits the use of a
 * captured request. Returns the context, or why it was refused.
 */
export function verifyGatewayContext(
  secret: string,
  headers: { get(name: string): string | undefined | null },
  audience: string,
  maxAgeMs = 60_000,
  now = Date.now(),
): { ok: true; context: RequestContext } | { ok: false; reason: ProofFailure } {
  const encoded = headers.get(GATEWAY_CONTEXT_HEADER);
  const signature = headers.get(GATEWAY_SIGNATURE_HEADER);
  if (!encoded || !signature) return { ok: false, reason: 'missing' };
  const expected = Buffer.from(sign(secret, encoded));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad-signature' };
  let parsed: z.infer<typeof signedContextSchema>;
  try {
    parsed = signedContextSchema.parse(JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (parsed.audience !== audience) return { ok: false, reason: 'wrong-audience' };
  if (Math.abs(now - parsed.issuedAt) > maxAgeMs) return { ok: false, reason: 'expired' };
  return { ok: true, context: { caller: parsed.caller, requestId: parsed.requestId } };
}
