import type { HttpRoute, HttpRouteRequest, HttpRouteResponse } from '@redress/graphql-kit';
import type { Logger } from '@redress/logger';
import type { ClientTokenIssuer } from '../auth/token-verifier';
import type { TenancyClient } from '../auth/tenancy-client';
import type { ClientRateLimiter } from '../protection/rate-limit';

/** The lender's own customer number of a borrower: an opaque identifier, never a name or phone number. */
const BORROWER_ID = /^[A-Za-z0-9._:@-]{1,200}$/;
const CLIENT_ID = /^[A-Za-z0-9_-]{1,200}$/;

type OAuthError = 'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'unauthorized_client' | 'slow_down';
const TYPED: Record<OAuthError, string> = {
  invalid_request: 'BAD_USER_INPUT',
  unsupported_grant_type: 'BAD_USER_INPUT',
  invalid_client: 'UNAUTHENTICATED',
  unauthorized_client: 'FORBIDDEN',
  slow_down: 'RATE_LIMITED',
};

function oauthError(status: number, error: OAuthError, description: string, headers: Record<string, string> = {}): HttpRouteResponse {
  return {
    status,
    body: { error, error_description: description, code: TYPED[error] },
    headers: { 'cache-control': 'no-store', ...headers },
  };
}

/** Form-encoded (RFC 6749) or JSON body; client authentication by HTTP Basic or in the body. */
function readRequest(request: HttpRouteRequest): Record<string, string> | null {
  const type = String(request.req.headers['content-type'] ?? '').split(';')[0]!.trim();
  let fields: Record<string, string> = {};
  if (type === 'application/x-www-form-urlencoded') {
    fields = Object.fromEntries(new URLSearchParams(request.body));
  } else if (type === 'application/json') {
    try {
      const parsed: unknown = JSON.parse(request.body);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
      fields = Object.fromEntries(Object.entries(parsed).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    } catch {
      return null;
    }
  } else {
    return null;
  }
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(String(request.req.headers.authorization ?? ''));
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return null;
    fields['client_id'] = decodeURIComponent(decoded.slice(0, colon));
    fields['client_secret'] = decodeURIComponent(decoded.slice(colon + 1));
  }
  return fields;
}

/**
 * `POST /oauth/token`, grant `client_credentials`: a partner app exchanges its tenant's client
 * credentials for a short-lived token. `borrower_id` narrows the token to one borrower: its caller
 * then holds the `borrower` role for that borrower only. Credentials are checked by the tenancy
 * service (signed internal call); suspended tenants get no token; attempts are rate-limited per
 * client id and address.
 */
export function tokenEndpoint(deps: {
  tenancy: TenancyClient;
  issuer: ClientTokenIssuer;
  limiter: ClientRateLimiter;
  logger: Logger;
}): HttpRoute {
  return {
    method: 'POST',
    path: /^\/oauth\/token$/,
    async handle(request) {
      const fields = readRequest(request);
      if (!fields) return oauthError(400, 'invalid_request', 'Send application/x-www-form-urlencoded (or JSON) with grant_type, client_id and client_secret.');
      if (fields['grant_type'] !== 'client_credentials') {
        return oauthError(400, 'unsupported_grant_type', 'Only grant_type=client_credentials is supported.');
      }
      const clientId = fields['client_id'] ?? '';
      const clientSecret = fields['client_secret'] ?? '';
      if (!CLIENT_ID.test(clientId) || !clientSecret || clientSecret.length > 500) {
        return oauthError(400, 'invalid_request', 'client_id and client_secret are required.');
      }
      const borrowerId = fields['borrower_id'] ?? null;
      if (borrowerId !== null && !BORROWER_ID.test(borrowerId)) {
        return oauthError(400, 'invalid_request', 'borrower_id must be the lender\'s customer number of the borrower (1–200 letters, digits or ._:@-).');
      }
      const address = request.req.socket.remoteAddress ?? 'unknown';
      const limited = await deps.limiter.take(`${clientId}|${address}`);
      if (!limited.ok) {
        return oauthError(429, 'slow_down', `Too many token requests: try again in ${limited.retryAfterSeconds} s.`, {
          'retry-after': String(limited.retryAfterSeconds),
        });
      }
      const client = await deps.tenancy.verifyClient(clientId, clientSecret);
      if (!client) {
        deps.logger.info({ clientId }, 'token request refused: invalid client');
        return oauthError(401, 'invalid_client', 'The client credentials are not valid.', { 'www-authenticate': 'Basic realm="redress"' });
      }
      if (client.tenantStatus !== 'ACTIVE') return oauthError(400, 'unauthorized_client', "This lender's access is suspended.");
      const { token, expiresIn } = await deps.issuer.issue({
        clientId: client.clientId,
        tenantId: client.tenantId,
        roles: borrowerId ? ['borrower'] : client.roles,
        borrowerId,
      });
      deps.logger.info({ clientId, tenantId: client.tenantId, borrowerScoped: borrowerId !== null }, 'token issued');
      return {
        status: 200,
        body: { access_token: token, token_type: 'Bearer', expires_in: expiresIn, ...(borrowerId ? { scope: 'borrower' } : {}) },
        headers: { 'cache-control': 'no-store', pragma: 'no-cache' },
      };
    },
  };
}
