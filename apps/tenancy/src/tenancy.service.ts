import type { RequestContext } from '@redress/graphql-kit';
import { DateTimeScalar } from '@redress/graphql-kit';
import type { ServiceDefinition } from '@redress/service-kit';
import typeDefs from './schema.graphql';
import { auditTrailResolvers } from './audit/resolvers/audit-trail.resolver';
import { clientCredentialResolvers } from './client-credential/resolvers/client-credential.resolver';
import { internalRoutes } from './internal/internal.routes';
import { JSONScalar } from './json.scalar';
import { tenancyMigrations } from './migrations';
import { tenantResolvers } from './tenant/resolvers/tenant.resolver';

export const TENANCY_DEFAULT_PORT = 4006;

/**
 * The tenancy subgraph: the registry of lenders (onboarding, suspension), partner apps' client
 * credentials, the audit trail of both, and the gateway's internal endpoints for token exchange
 * and tenant status.
 */
export const tenancyService: ServiceDefinition<RequestContext> = {
  name: 'tenancy',
  schema: 'tenancy',
  typeDefs,
  entities: [],
  migrations: tenancyMigrations,
  resolvers: (deps) => {
    const tenants = tenantResolvers(deps);
    const credentials = clientCredentialResolvers(deps);
    const audit = auditTrailResolvers(deps);
    return {
      DateTime: DateTimeScalar,
      JSON: JSONScalar,
      Locale: { zh_CN: 'zh-CN', zh_TW: 'zh-TW', en: 'en' },
      Query: { ...tenants.Query, ...credentials.Query, ...audit.Query },
      Mutation: { ...tenants.Mutation, ...credentials.Mutation },
      Tenant: tenants.Tenant,
    };
  },
  context: (_deps, base) => base,
  routes: internalRoutes,
};
