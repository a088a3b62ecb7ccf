import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { parseJwks } from '../auth/keys';
import { ClientTokenIssuer, TokenRejected, TokenVerifier } from '../auth/token-verifier';

const PLATFORM = '00000000-0000-0000-0000-000000000000';
const ISSUER = 'https://idp.example';
const AUDIENCE = 'redress-graph';

function keyPair(kind: 'ed25519' | 'ec', kid: string) {
  const pair = kind === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { kid, alg: kind === 'ed25519' ? ('EdDSA' as const) : ('ES256' as const), privateKey: pair.privateKey, publicKey: pair.publicKey };
}
type Pair = ReturnType<typeof keyPair>;

const jwks = (pairs: Pair[], part: 'public' | 'private') =>
  JSON.stringify({ keys: pairs.map((p) => ({ ...(part === 'public' ? p.publicKey : p.privateKey).export({ format: 'jwk' }), kid: p.kid })) });

const current = keyPair('ed25519', 'staff-2026-11');
const next = keyPair('ec', 'staff-2026-12');
const stranger = keyPair('ed25519', 'staff-2026-11'); // same kid, another key: a forgery
const gatewayKey = keyPair('ec', 'gateway-1');

function verifierWith(staff: Pair[]) {
  return new TokenVerifier({
    staffIssuer: ISSUER,
    staffKeys: parseJwks(jwks(staff, 'public'), 'public'),
    clientIssuer: 'redress-gateway',
    clientKeys: parseJwks(jwks([gatewayKey], 'private'), 'private'),
    audience: AUDIENCE,
    clockToleranceSeconds: 5,
    maxLifetimeSeconds: 86_400,
    clientTokenTtlSeconds: 900,
  });
}

const tenantId = randomUUID();
const claims = { tenant_id: tenantId, roles: ['handler'] };

async function token(pair: Pair, options: { claims?: Record<string, unknown>; iss?: string; aud?: string; exp?: number; iat?: number; sub?: string } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(options.claims ?? claims)
    .setProtectedHeader({ alg: pair.alg, kid: pair.kid })
    .setIssuer(options.iss ?? ISSUER)
    .setAudience(options.aud ?? AUDIENCE)
    .setSubject(options.sub ?? 'handler:zhou-min')
    .setIssuedAt(options.iat ?? now)
    .setExpirationTime(options.exp ?? now + 3600)
    .sign(pair.privateKey as KeyObject);
}

async function reason(verifier: TokenVerifier, jwt: string): Promise<string> {
  try {
    await verifier.verify(jwt);
  } catch (error) {
    expect(error).toBeInstanceOf(TokenRejected);
    return (error as Error).message;
  }
  throw new Error('the token was accepted');
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('token verification', () => {
  const verifier = verifierWith([current]);

  it('accepts a staff token signed by a configured key and reads the caller from it', async () => {
    await expect(verifier.verify(await token(current))).resolves.toEqual({ tenantId, actorId: 'handler:zhou-min', roles: ['handler'], borrowerId: null });
  });

  it('refuses an expired token', async () => {
    const past = Math.floor(Date.now() / 1000) - 7200;
    expect(await reason(verifier, await token(current, { iat: past, exp: past + 3600 }))).toContain('expired');
  });

  it('refuses a token signed with an unknown key id', async () => {
    expect(await reason(verifier, await token(next))).toContain('not signed by a key this platform trusts');
  });

  it('refuses a token whose kid names a trusted key but which another key signed', async () => {
    expect(await reason(verifier, await token(stranger))).toContain('signature');
  });

  it('refuses alg "none", with or without a known kid', async () => {
    const now = Math.floor(Date.now() / 1000);
    const payload = b64({ ...claims, iss: ISSUER, aud: AUDIENCE, sub: 'x', iat: now, exp: now + 60 });
    expect(await reason(verifier, `${b64({ alg: 'none', kid: current.kid })}.${payload}.`)).toContain('algorithm');
    expect(await reason(verifier, `${b64({ alg: 'none' })}.${payload}.`)).toContain('not signed by a key');
  });

  it('refuses a token claiming another algorithm than its key has (algorithm confusion)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const input = `${b64({ alg: 'ES256', kid: current.kid })}.${b64({ ...claims, iss: ISSUER, aud: AUDIENCE, sub: 'x', iat: now, exp: now + 60 })}`;
    const signature = sign(null, Buffer.from(input), current.privateKey).toString('base64url');
    expect(await reason(verifier, `${input}.${signature}`)).toContain('algorithm');
  });

  it.each([
    ['a wrong audience', { aud: 'another-product' }, 'audience'],
    ['a wrong issuer', { iss: 'https://evil.example' }, 'issuer'],
  ])('refuses %s', async (_what, options, message) => {
    expect(await reason(verifier, await token(current, options))).toContain(message);
  });

  it('refuses a lifetime longer than allowed, unknown roles, and impossible role mixes', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await reason(verifier, await token(current, { iat: now, exp: now + 2 * 86_400 }))).toContain('lifetime');
    expect(await reason(verifier, await token(current, { claims: { tenant_id: tenantId, roles: ['root'] } }))).toContain('roles');
    expect(await reason(verifier, await token(current, { claims: { tenant_id: tenantId, roles: ['platform_admin'] } }))).toContain('platform_admin');
    expect(await reason(verifier, await token(current, { claims: { tenant_id: PLATFORM, roles: ['handler'] } }))).toContain('platform_admin');
    expect(await reason(verifier, await token(current, { claims: { tenant_id: tenantId, roles: ['borrower'] } }))).toContain('borrower_id');
    expect(await reason(verifier, await token(current, { claims: { roles: ['handler'] } }))).toContain('tenant_id');
  });

  it('rotates without downtime: with both keys listed, tokens of the old and the new key pass', async () => {
    const during = verifierWith([current, next]);
    await expect(during.verify(await token(current))).resolves.toMatchObject({ tenantId });
    await expect(during.verify(await token(next))).resolves.toMatchObject({ tenantId });
    const after = verifierWith([next]);
    expect(await reason(after, await token(current))).toContain('not signed by a key');
    await expect(after.verify(await token(next))).resolves.toMatchObject({ tenantId });
  });

  it("verifies the gateway's own partner-app tokens, bound to the gateway's issuer", async () => {
    const [gw] = parseJwks(jwks([gatewayKey], 'private'), 'private');
    const issued = await new ClientTokenIssuer(gw!, 'redress-gateway', AUDIENCE, 900).issue({ clientId: 'rdc_x', tenantId, roles: ['borrower'], borrowerId: 'C-1' });
    await expect(verifier.verify(issued.token)).resolves.toEqual({ tenantId, actorId: 'client:rdc_x', roles: ['borrower'], borrowerId: 'C-1' });
    // A staff-issuer token signed with the gateway's key is refused: each key speaks for one issuer.
    expect(await reason(verifier, await token(gatewayKey))).toContain('issuer');
  });
});
