import type { IncomingMessage } from 'node:http';
import { createLogger } from '@redress/logger';
import type { TenancyClient, VerifiedClient } from '../auth/tenancy-client';
import type { ClientTokenIssuer } from '../auth/token-verifier';
import { tokenEndpoint } from '../oauth/token-endpoint';
import { ClientRateLimiter } from '../protection/rate-limit';

const tenantId = '6f1c2d1e-5a0b-4c3d-9e8f-7a6b5c4d3e21';
const good: VerifiedClient = { tenantId, clientId: 'rdc_app', roles: ['partner_app'], tenantStatus: 'ACTIVE' };

function setup(client: VerifiedClient | null = good, points = 100) {
  const issued: unknown[] = [];
  const route = tokenEndpoint({
    tenancy: { verifyClient: async (id: string, secret: string) => (id === 'rdc_app' && secret === 'rds_secret' ? client : null) } as unknown as TenancyClient,
    issuer: {
      issue: async (claims: unknown) => {
        issued.push(claims);
        return { token: 'signed', expiresIn: 900 };
      },
    } as unknown as ClientTokenIssuer,
    limiter: new ClientRateLimiter(points, 60),
    logger: createLogger('test', 'silent'),
  });
  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' }) =>
    route.handle({
      req: { headers, socket: { remoteAddress: '127.0.0.1' } } as unknown as IncomingMessage,
      url: new URL('http://localhost/oauth/token'),
      params: [],
      body,
    });
  return { post, issued };
}

describe('POST /oauth/token', () => {
  it('issues a partner-app token for valid client credentials in the body', async () => {
    const { post, issued } = setup();
    const answer = await post('grant_type=client_credentials&client_id=rdc_app&client_secret=rds_secret');
    expect(answer).toMatchObject({ status: 200, body: { access_token: 'signed', token_type: 'Bearer', expires_in: 900 } });
    expect(answer.headers?.['cache-control']).toBe('no-store');
    expect(issued).toEqual([{ clientId: 'rdc_app', tenantId, roles: ['partner_app'], borrowerId: null }]);
  });

  it('reads HTTP Basic client authentication and JSON bodies, and narrows a borrower-scoped token to the borrower role', async () => {
    const { post, issued } = setup();
    const basic = `Basic ${Buffer.from('rdc_app:rds_secret').toString('base64')}`;
    const answer = await post(JSON.stringify({ grant_type: 'client_credentials', borrower_id: 'NWD-C-1' }), { 'content-type': 'application/json', authorization: basic });
    expect(answer.status).toBe(200);
    expect(issued).toEqual([{ clientId: 'rdc_app', tenantId, roles: ['borrower'], borrowerId: 'NWD-C-1' }]);
  });

  it.each([
    ['a wrong secret', 'grant_type=client_credentials&client_id=rdc_app&client_secret=nope', 401, 'invalid_client', 'UNAUTHENTICATED'],
    ['another grant', 'grant_type=password&client_id=rdc_app&client_secret=rds_secret', 400, 'unsupported_grant_type', 'BAD_USER_INPUT'],
    ['no client id', 'grant_type=client_credentials&client_secret=rds_secret', 400, 'invalid_request', 'BAD_USER_INPUT'],
    ['a borrower id that is a name', 'grant_type=client_credentials&client_id=rdc_app&client_secret=rds_secret&borrower_id=%E7%8E%8B%20%E7%A7%80', 400, 'invalid_request', 'BAD_USER_INPUT'],
  ])('refuses %s', async (_what, body, status, error, code) => {
    const { post, issued } = setup();
    expect(await post(body)).toMatchObject({ status, body: { error, code } });
    expect(issued).toEqual([]);
  });

  it('refuses a body that is neither form-encoded nor JSON', async () => {
    const { post } = setup();
    expect(await post('client_id=rdc_app', { 'content-type': 'text/plain' })).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });

  it("refuses a suspended lender's client", async () => {
    const { post, issued } = setup({ ...good, tenantStatus: 'SUSPENDED' });
    expect(await post('grant_type=client_credentials&client_id=rdc_app&client_secret=rds_secret')).toMatchObject({
      status: 400,
      body: { error: 'unauthorized_client', code: 'FORBIDDEN' },
    });
    expect(issued).toEqual([]);
  });

  it('slows down repeated attempts for one client id from one address', async () => {
    const { post } = setup(good, 2);
    const attempt = () => post('grant_type=client_credentials&client_id=rdc_app&client_secret=guess');
    await attempt();
    await attempt();
    const limited = await attempt();
    expect(limited).toMatchObject({ status: 429, body: { error: 'slow_down', code: 'RATE_LIMITED' } });
    expect(Number(limited.headers?.['retry-after'])).toBeGreaterThanOrEqual(1);
  });
});
