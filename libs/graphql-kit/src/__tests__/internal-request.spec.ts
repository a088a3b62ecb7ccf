import { signInternalRequest, signGatewayContext, verifyInternalRequest } from '..';

const secret = 's'.repeat(32);
const body = JSON.stringify({ clientId: 'rdc_x', clientSecret: 'rds_y' });
const path = '/internal/v1/client-credentials/verify';

function check(headers: Record<string, string>, overrides: { method?: string; path?: string; body?: string; now?: number; secret?: string } = {}) {
  return verifyInternalRequest(
    overrides.secret ?? secret,
    { method: overrides.method ?? 'POST', path: overrides.path ?? path, body: overrides.body ?? body, header: (n) => headers[n] },
    30_000,
    overrides.now ?? Date.now(),
  );
}

describe('signed internal requests', () => {
  it('accepts what was signed, and nothing altered, replayed late, redirected or signed with another secret', () => {
    const headers = signInternalRequest(secret, 'POST', path, body);
    expect(check(headers)).toBe(true);
    expect(check(headers, { body: body.replace('rds_y', 'rds_z') })).toBe(false);
    expect(check(headers, { path: '/internal/v1/tenants/x/status' })).toBe(false);
    expect(check(headers, { method: 'GET' })).toBe(false);
    expect(check(headers, { now: Date.now() + 60_000 })).toBe(false);
    expect(check(headers, { secret: 't'.repeat(32) })).toBe(false);
    expect(check({})).toBe(false);
  });

  it('is not interchangeable with the gateway proof made with the same secret', () => {
    const proof = signGatewayContext(secret, { caller: { tenantId: '6f1c2d1e-5a0b-4c3d-9e8f-7a6b5c4d3e21', actorId: 'a', roles: [], borrowerId: null }, requestId: 'r' }, 'tenancy');
    const forged = { 'x-redress-internal-timestamp': String(Date.now()), 'x-redress-internal-signature': Object.values(proof)[1]! };
    expect(check(forged)).toBe(false);
  });
});
