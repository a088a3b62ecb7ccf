import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { PLATFORM_TENANT_ID } from '@redress/access';
import type { RequestContext } from '@redress/graphql-kit';
import type { Logger } from '@redress/logger';
import { rateLimitedError, type ClientRateLimiter } from '../protection/rate-limit';
import type { TenantStatusCache } from './tenancy-client';
import { TokenRejected, type TokenVerifier } from './token-verifier';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer realm="redress"']]) } },
  });
}

function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
}

export interface Authenticator {
  (req: IncomingMessage): Promise<RequestContext>;
}

/**
 * Who is calling: the bearer token alone decides the tenant and the caller (no header can name
 * another tenant). Then the tenant must be active (and known, unless configured otherwise), and
 * the client within its rate limit.
 */
export function createAuthenticator(deps: {
  verifier: TokenVerifier;
  tenants: TenantStatusCache;
  limiter: ClientRateLimiter;
  requireRegisteredTenant: boolean;
  logger: Logger;
}): Authenticator {
  return async (req) => {
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    const authorization = req.headers.authorization;
    if (!authorization) throw unauthenticated('No credentials: send "Authorization: Bearer <token>".');
    const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(authorization);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    let caller;
    try {
      caller = await deps.verifier.verify(match[1]!);
    } catch (error) {
      if (error instanceof TokenRejected) {
        deps.logger.info({ requestId, reason: error.message }, 'token refused');
        throw unauthenticated(error.message);
      }
      throw error;
    }
    const limited = await deps.limiter.take(`${caller.tenantId}|${caller.actorId}`);
    if (!limited.ok) throw rateLimitedError(limited.retryAfterSeconds);
    if (caller.tenantId !== PLATFORM_TENANT_ID) {
      let status;
      try {
        status = await deps.tenants.statusOf(caller.tenantId);
      } catch (error) {
        deps.logger.error({ err: error, tenantId: caller.tenantId }, 'tenant status unavailable');
        throw new GraphQLError('Your lender\'s status cannot be checked right now; try again shortly.', {
          extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
        });
      }
      if (status === 'SUSPENDED') throw forbidden("This lender's access is suspended.");
      if (status === 'UNKNOWN' && deps.requireRegisteredTenant) throw forbidden('This lender is not onboarded on this platform.');
    }
    return { caller, requestId };
  };
}
