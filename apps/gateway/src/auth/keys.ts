import { createPrivateKey, createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';

/** The signature algorithms the gateway accepts; a key's type decides its algorithm (never the token's header). */
export type SigningAlgorithm = 'ES256' | 'EdDSA';

export interface KeyEntry {
  kid: string;
  alg: SigningAlgorithm;
  key: KeyObject;
}

const jwkSchema = z
  .object({
    kid: z.string().min(1).max(200),
    kty: z.enum(['EC', 'OKP']),
    crv: z.string(),
    alg: z.string().optional(),
  })
  .passthrough();

function algorithmOf(jwk: z.infer<typeof jwkSchema>): SigningAlgorithm | null {
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256';
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA';
  return null;
}

/** Parses a JWKS of ES256 / EdDSA keys, public or private, into key objects (all problems named at start-up). */
export function parseJwks(json: string, part: 'public' | 'private'): KeyEntry[] {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    throw new Error('is not JSON (expected {"keys":[…]})');
  }
  const parsed = z.object({ keys: z.array(jwkSchema).min(1) }).safeParse(doc);
  if (!parsed.success) throw new Error('must be {"keys":[…]} with at least one key, each with kid, kty and crv');
  const seen = new Set<string>();
  return parsed.data.keys.map((jwk) => {
    if (seen.has(jwk.kid)) throw new Error(`names kid "${jwk.kid}" twice`);
    seen.add(jwk.kid);
    const alg = algorithmOf(jwk);
    if (!alg) throw new Error(`key "${jwk.kid}" is neither P-256 (ES256) nor Ed25519 (EdDSA)`);
    if (jwk.alg && jwk.alg !== alg) throw new Error(`key "${jwk.kid}" says alg ${jwk.alg} but is a ${alg} key`);
    const hasPrivate = typeof (jwk as { d?: unknown }).d === 'string';
    if (part === 'private' && !hasPrivate) throw new Error(`key "${jwk.kid}" has no private part (d)`);
    if (part === 'public' && hasPrivate) throw new Error(`key "${jwk.kid}" is a private key: give verification keys only their public part`);
    try {
      const key = part === 'private' ? createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' }) : createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
      return { kid: jwk.kid, alg, key };
    } catch {
      throw new Error(`key "${jwk.kid}" could not be read`);
    }
  });
}

export function jwksSchema(part: 'public' | 'private') {
  return z.string().min(1, 'required').transform((value, ctx) => {
    try {
      return parseJwks(value, part);
    } catch (error) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: (error as Error).message });
      return z.NEVER;
    }
  });
}
