import { randomUUID } from 'node:crypto';
import { encodeDevToken, readDevToken } from '../auth/dev-token';

const caller = { tenantId: randomUUID(), actorId: 'partner-app:niwodai', roles: ['partner_app'] };

describe('development tokens', () => {
  it('round-trips the caller', () => {
    expect(readDevToken(`Bearer ${encodeDevToken(caller)}`)).toEqual({ ok: true, caller: { ...caller, borrowerId: null } });
  });

  it.each([
    [undefined, 'No credentials'],
    ['Basic abc', 'must be "Bearer <token>"'],
    ['Bearer jwt.abc.def', 'Unknown token type'],
    ['Bearer dev.not-json', 'could not be read'],
    [`Bearer dev.${Buffer.from(JSON.stringify({ ...caller, tenantId: 'tenant-b' })).toString('base64url')}`, 'could not be read'],
  ])('refuses %s', (header, reason) => {
    const result = readDevToken(header);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });
});
