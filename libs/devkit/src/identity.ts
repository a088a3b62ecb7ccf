import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Signing keys for local runs and tests: the staff identity provider's key (staff tokens) and the
 * gateway's own key (the tokens it issues to partner apps). Production configures the gateway with
 * its IdP's public keys and its own private key from a secret store (docs/identity.md).
 */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
}

export interface PlatformIdentity {
  issuer: string;
  audience: string;
  /** Signs staff tokens; the gateway gets its public half only. */
  staffKey: SigningKey;
  /** The gateway signs partner apps' tokens with it. */
  gatewayKey: SigningKey;
}

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** An Ed25519 key from a 32-byte seed: tests get the same keys on every run without a key file. */
export function ed25519FromSeed(seed: Buffer): KeyObject {
  if (seed.length !== 32) throw new Error('An Ed25519 seed is 32 bytes');
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

function testKey(label: string): SigningKey {
  return { kid: label, privateKey: ed25519FromSeed(createHash('sha256').update(`redress test signing key: ${label} (tests only)`).digest()) };
}

/** The identity every test run's gateway trusts. Never configured outside tests. */
export const TEST_IDENTITY: PlatformIdentity = {
  issuer: 'https://idp.test.redress.invalid',
  audience: 'redress-graph',
  staffKey: testKey('test-staff-1'),
  gatewayKey: testKey('test-gateway-1'),
};

function jwk(key: SigningKey, part: 'public' | 'private'): Record<string, unknown> {
  const exported = (part === 'public' ? createPublicKey(key.privateKey) : key.privateKey).export({ format: 'jwk' });
  return { ...exported, kid: key.kid, alg: 'EdDSA', use: 'sig' };
}

/** The gateway's identity settings for an identity (docs/identity.md, Configuration). */
export function gatewayIdentityEnv(identity: PlatformIdentity): Record<string, string> {
  return {
    AUTH_ISSUER: identity.issuer,
    AUTH_AUDIENCE: identity.audience,
    AUTH_KEYS: JSON.stringify({ keys: [jwk(identity.staffKey, 'public')] }),
    CLIENT_TOKEN_SIGNING_KEYS: JSON.stringify({ keys: [jwk(identity.gatewayKey, 'private')] }),
  };
}

export interface StaffTokenClaims {
  tenantId: string;
  actorId: string;
  roles: string[];
  borrowerId?: string | null;
}

/**
 * A signed staff token (JWT, EdDSA), synchronously, as the staff identity provider would issue it.
 * `header` and `payload` overrides let tests forge what an attacker would send.
 */
export function signStaffToken(
  identity: PlatformIdentity,
  claims: StaffTokenClaims,
  options: { expiresInSeconds?: number; now?: number; key?: SigningKey; payload?: Record<string, unknown>; header?: Record<string, unknown> } = {},
): string {
  const key = options.key ?? identity.staffKey;
  const iat = Math.floor((options.now ?? Date.now()) / 1000);
  const header = { alg: 'EdDSA', typ: 'JWT', kid: key.kid, ...options.header };
  const payload = {
    iss: identity.issuer,
    aud: identity.audience,
    sub: claims.actorId,
    tenant_id: claims.tenantId,
    roles: claims.roles,
    ...(claims.borrowerId ? { borrower_id: claims.borrowerId } : {}),
    iat,
    exp: iat + (options.expiresInSeconds ?? 8 * 3600),
    ...options.payload,
  };
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signingInput = `${encode(header)}.${encode(payload)}`;
  return `${signingInput}.${sign(null, Buffer.from(signingInput), key.privateKey).toString('base64url')}`;
}

/**
 * The local platform's identity: keys made once and kept in `.redress/identity/` (git-ignored,
 * mode 0600), so tokens printed by one start still work after a restart.
 */
export function localIdentity(root: string): PlatformIdentity {
  const dir = path.join(root, 'identity');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const load = (name: string): SigningKey => {
    const file = path.join(dir, `${name}.pem`);
    if (!existsSync(file)) {
      const { privateKey } = generateKeyPairSync('ed25519');
      writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
    }
    const pem = readFileSync(file, 'utf8');
    const kid = `${name}-${createHash('sha256').update(pem).digest('base64url').slice(0, 8)}`;
    return { kid, privateKey: createPrivateKey(pem) };
  };
  return { issuer: 'https://idp.local.redress.invalid', audience: 'redress-graph', staffKey: load('staff-signing-key'), gatewayKey: load('gateway-signing-key') };
}
