import { z } from 'zod';
import { withTenant } from '@redress/database';
import { verifyInternalRequest, type HttpRoute, type HttpRouteRequest, type HttpRouteResponse } from '@redress/graphql-kit';
import type { ServiceDeps } from '@redress/service-kit';
import { clientCredentialRepository } from '../client-credential/infrastructure/client-credential.repository';
import { verifyClientSecret } from '../client-credential/infrastructure/client-secret';
import { tenantRepository } from '../tenant/infrastructure/tenant.repository';

/**
 * Endpoints for the gateway only, outside the graph: verifying a partner app's client credentials
 * (the token exchange) and reading a tenant's status (refusing suspended tenants). Each request
 * must carry the gateway's HMAC signature over method, path, time and body (`signInternalRequest`);
 * anything else gets 401 and learns nothing.
 */
export const INTERNAL_PATHS = {
  verifyClient: '/internal/v1/client-credentials/verify',
  tenantStatus: (tenantId: string) => `/internal/v1/tenants/${tenantId}/status`,
};

const verifyBody = z.object({ clientId: z.string().min(1).max(200), clientSecret: z.string().min(1).max(500) });
const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

function signed(deps: ServiceDeps, request: HttpRouteRequest): boolean {
  return verifyInternalRequest(deps.config.gatewaySecret, {
    method: request.req.method ?? 'GET',
    path: request.url.pathname,
    body: request.body,
    header: (name) => {
      const value = request.req.headers[name];
      return typeof value === 'string' ? value : undefined;
    },
  });
}

const UNSIGNED: HttpRouteResponse = { status: 401, body: { error: 'unauthenticated' } };
const INVALID_CLIENT: HttpRouteResponse = { status: 401, body: { error: 'invalid_client' } };

export function internalRoutes(deps: ServiceDeps): HttpRoute[] {
  return [
    {
      method: 'POST',
      path: new RegExp(`^${INTERNAL_PATHS.verifyClient}$`),
      async handle(request) {
        if (!signed(deps, request)) return UNSIGNED;
        let body: z.infer<typeof verifyBody>;
        try {
          body = verifyBody.parse(JSON.parse(request.body));
        } catch {
          return { status: 400, body: { error: 'invalid_request' } };
        }
        const found = await deps.dataSource.transaction((m) => clientCredentialRepository.forVerification(m, body.clientId));
        // Unknown, revoked and wrong-secret all look the same to the caller.
        if (!found || found.revoked || !(await verifyClientSecret(body.clientSecret, found.secretHash))) return INVALID_CLIENT;
        const tenant = await withTenant(deps.dataSource, found.tenantId, async (m) => {
          await clientCredentialRepository.markUsed(m, found.tenantId, found.id, new Date());
          return tenantRepository.findById(m, found.tenantId);
        });
        if (!tenant) return INVALID_CLIENT;
        return {
          status: 200,
          body: { tenantId: found.tenantId, clientId: found.clientId, credentialId: found.id, roles: found.roles, tenantStatus: tenant.status },
        };
      },
    },
    {
      method: 'GET',
      path: new RegExp(`^/internal/v1/tenants/${UUID}/status$`),
      async handle(request) {
        if (!signed(deps, request)) return UNSIGNED;
        const tenant = await deps.dataSource.transaction((m) => tenantRepository.findById(m, request.params[0]!));
        return { status: 200, body: { tenantId: request.params[0], status: tenant?.status ?? 'UNKNOWN', revision: tenant?.revision ?? 0 } };
      },
    },
  ];
}
