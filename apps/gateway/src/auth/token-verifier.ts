import { createPublicKey, randomUUID } from 'node:crypto';
import { decodeProtectedHeader, errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { z } from 'zod';
import { isRole, PLATFORM_TENANT_ID } from '@redress/access';
import type { Caller } from '@redress/graphql-kit';
import type { KeyEntry } from './keys';

/** Why a token was refused; the message is safe to show the caller. */
export class TokenRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenRejected';
  }
}

export interface TokenVerifierOptions {
  /** Staff tokens: the identity provider's issuer and public keys. */
  staffIssuer: string;
  staffKeys: KeyEntry[];
  /** Partner-app tokens: the gateway's own issuer and keys (their private halves sign). */
  clientIssuer: string;
  clientKeys: KeyEntry[];
  audience: string;
  clockToleranceSeconds: number;
  maxLifetimeSeconds: number;
  clientTokenTtlSeconds: number;
}

const claimsSchema = z.object({
  sub: z.string().min(1).max(200),
  tenant_id: z.string().uuid(),
  roles: z.array(z.string()).min(1).max(20),
  borrower_id: z.string().min(1).max(200).optional(),
  iat: z.number(),
  exp: z.number(),
});

interface TrustedKey extends KeyEntry {
  issuer: string;
}

/**
 * Verifies bearer tokens: signature by a configured key (found by `kid`, with the algorithm that
 * key's type fixes — `alg: none` and algorithm swaps never get that far), issuer bound to the key,
 * audience, expiry, a bounded lifetime, and claims that make sense together. Several keys can be
 * trusted at once, which is how keys rotate without downtime.
 */
export class TokenVerifier {
  private readonly keys = new Map<string, TrustedKey>();

  constructor(private readonly options: TokenVerifierOptions) {
    for (const [entries, issuer] of [
      [options.staffKeys, options.staffIssuer],
      [options.clientKeys.map((k) => ({ ...k, key: createPublicKey(k.key) })), options.clientIssuer],
    ] as const) {
      for (const entry of entries) {
        if (this.keys.has(entry.kid)) throw new Error(`Key id "${entry.kid}" is configured twice`);
        this.keys.set(entry.kid, { ...entry, issuer });
      }
    }
  }

  async verify(token: string): Promise<Caller> {
    let kid: string | undefined;
    try {
      kid = decodeProtectedHeader(token).kid;
    } catch {
      throw new TokenRejected('The token is not a JWT.');
    }
    const trusted = kid ? this.keys.get(kid) : undefined;
    if (!trusted) throw new TokenRejected('The token was not signed by a key this platform trusts.');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, trusted.key, {
        algorithms: [trusted.alg],
        issuer: trusted.issuer,
        audience: this.options.audience,
        clockTolerance: this.options.clockToleranceSeconds,
        requiredClaims: ['exp', 'iat', 'sub'],
      }));
    } catch (error) {
      throw new TokenRejected(describe(error));
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw new TokenRejected('The token lacks tenant_id, roles or sub, or one of them is malformed.');
    const c = claims.data;
    const maxLifetime = trusted.issuer === this.options.clientIssuer ? this.options.clientTokenTtlSeconds : this.options.maxLifetimeSeconds;
    if (c.exp - c.iat > maxLifetime) throw new TokenRejected(`The token's lifetime is longer than the ${maxLifetime} s allowed.`);
    const unknown = c.roles.filter((r) => !isRole(r));
    if (unknown.length) throw new TokenRejected(`The token names roles this platform does not have: ${unknown.join(', ')}.`);
    const isPlatform = c.tenant_id === PLATFORM_TENANT_ID;
    const hasPlatformRole = c.roles.includes('platform_admin');
    if (isPlatform !== hasPlatformRole || (isPlatform && c.roles.length !== 1)) {
      throw new TokenRejected('The platform_admin role is held only by platform operators, and only alone.');
    }
    if (c.roles.includes('borrower') && !c.borrower_id) throw new TokenRejected('A borrower token must name its borrower (borrower_id).');
    return { tenantId: c.tenant_id, actorId: c.sub, roles: c.roles, borrowerId: c.borrower_id ?? null };
  }
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'The token was issued by an issuer this platform does not trust.';
    if (error.claim === 'aud') return 'The token is not meant for this platform (audience).';
    if (error.claim === 'nbf' || error.claim === 'iat') return 'The token is not valid yet.';
    return `The token's ${error.claim} claim is missing or invalid.`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return 'The token is signed with an algorithm that is not allowed.';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The token signature is not valid.';
  return 'The token could not be verified.';
}

/** Issues partner apps' short-lived tokens with the gateway's current key (the first configured). */
export class ClientTokenIssuer {
  constructor(
    private readonly key: KeyEntry,
    private readonly issuer: string,
    private readonly audience: string,
    private readonly ttlSeconds: number,
  ) {}

  async issue(claims: { clientId: string; tenantId: string; roles: string[]; borrowerId: string | null }): Promise<{ token: string; expiresIn: number }> {
    const token = await new SignJWT({
      tenant_id: claims.tenantId,
      roles: claims.roles,
      ...(claims.borrowerId ? { borrower_id: claims.borrowerId } : {}),
    })
      .setProtectedHeader({ alg: this.key.alg, kid: this.key.kid, typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setSubject(`client:${claims.clientId}`)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .setJti(randomUUID())
      .sign(this.key.key);
    return { token, expiresIn: this.ttlSeconds };
  }
}
