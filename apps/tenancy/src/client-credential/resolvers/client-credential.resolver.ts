import { authorize } from '@redress/access';
import { withTenant } from '@redress/database';
import { isTimeIdKey, readPage, toConnection, type PageArgs, type RequestContext } from '@redress/graphql-kit';
import type { ServiceDeps } from '@redress/service-kit';
import { CreateClientCredentialHandler } from '../commands/create-client-credential/create-client-credential.handler';
import { RevokeClientCredentialHandler } from '../commands/revoke-client-credential/revoke-client-credential.handler';
import { clientCredentialRepository } from '../infrastructure/client-credential.repository';

/** Thin adapters: a tenant administrator manages their own lender's partner-app credentials. */
export function clientCredentialResolvers(deps: ServiceDeps) {
  const create = new CreateClientCredentialHandler(deps.dataSource);
  const revoke = new RevokeClientCredentialHandler(deps.dataSource);
  return {
    Query: {
      clientCredentials: async (_: unknown, args: PageArgs & { includeRevoked?: boolean | null }, ctx: RequestContext) => {
        authorize(ctx.caller, 'tenancy.manageClientCredentials');
        const page = readPage(args, isTimeIdKey);
        const tenantId = ctx.caller.tenantId;
        const rows = await withTenant(deps.dataSource, tenantId, (m) =>
          clientCredentialRepository.list(m, tenantId, { includeRevoked: args.includeRevoked ?? false, after: page.after, limit: page.limit }),
        );
        return toConnection(rows, page, (c) => [c.createdAt.toISOString(), c.id]);
      },
    },
    Mutation: {
      createClientCredential: (_: unknown, args: { input: { name: string } }, ctx: RequestContext) => {
        authorize(ctx.caller, 'tenancy.manageClientCredentials');
        return create.execute({ tenantId: ctx.caller.tenantId, name: args.input.name, actorId: ctx.caller.actorId, requestId: ctx.requestId });
      },
      revokeClientCredential: async (_: unknown, args: { input: { id: string } }, ctx: RequestContext) => {
        authorize(ctx.caller, 'tenancy.manageClientCredentials');
        const credential = await revoke.execute({ tenantId: ctx.caller.tenantId, id: args.input.id, actorId: ctx.caller.actorId, requestId: ctx.requestId });
        return { credential };
      },
    },
  };
}
