import { randomUUID } from 'node:crypto';
import { GATEWAY_CONTEXT_HEADER, GATEWAY_SIGNATURE_HEADER, signGatewayContext, verifyGatewayContext } from '../request-context';

const secret = 'a-shared-secret-of-at-least-32-characters';
const context = {
  caller: { tenantId: randomUUID(), actorId: 'partner-app:nwd', roles: ['partner_app'], borrowerId: null },
  requestId: 'req-1',
};
const headersOf = (h: Record<string, string>) => ({ get: (name: string) => h[name] });

describe('gateway proof', () => {
  const now = 1_764_000_000_000;

  it('accepts what the gateway signed', () => {
    const result = verifyGatewayContext(secret, headersOf(signGatewayContext(secret, context, 'complaints', now)), 'complaints', 60_000, now + 1_000);
    expect(result).toEqual({ ok: true, context });
  });

  it.each([
    ['no headers at all', () => ({}), 'missing'],
    ['a signature made with another secret', () => signGatewayContext('another-secret-of-at-least-32-characters!', context, 'complaints', now), 'bad-signature'],
    [
      'a context swapped for another tenant under the old signature',
      () => {
        const signed = signGatewayContext(secret, context, 'complaints', now);
        const forged = { ...context, caller: { ...context.caller, tenantId: randomUUID() }, audience: 'complaints', issuedAt: now };
        return { ...signed, [GATEWAY_CONTEXT_HEADER]: Buffer.from(JSON.stringify(forged)).toString('base64url') };
      },
      'bad-signature',
    ],
    ['a proof older than the window', () => signGatewayContext(secret, context, 'complaints', now - 120_000), 'expired'],
    ['a proof made for another subgraph', () => signGatewayContext(secret, context, 'refunds', now), 'wrong-audience'],
    [
      'a signed context of the wrong shape',
      () => {
        const encoded = Buffer.from(JSON.stringify({ hello: 'world' })).toString('base64url');
        const { createHmac } = jest.requireActual('node:crypto');
        return { [GATEWAY_CONTEXT_HEADER]: encoded, [GATEWAY_SIGNATURE_HEADER]: createHmac('sha256', secret).update(encoded).digest('base64url') };
      },
      'malformed',
    ],
  ])('refuses %s', (_case, headers, reason) => {
    expect(verifyGatewayContext(secret, headersOf(headers()), 'complaints', 60_000, now)).toEqual({ ok: false, reason });
  });
});
