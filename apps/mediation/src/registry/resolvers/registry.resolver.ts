import { authorize } from '@redress/access';
import { withTenant } from '@redress/database';
import { isUuid, ValidationError } from '@redress/domain-kit';
import { isTimeIdKey, readPage, toConnection, type PageArgs } from '@redress/graphql-kit';
import type { ServiceDeps } from '@redress/service-kit';
import { ManageRegistryHandler } from '../commands/manage-registry.handler';
import type { InstitutionInput, Mediator, MediatorInput } from '../domain/registry';
import { registryRepository } from '../infrastructure/registry.repository';
import type { MediationContext } from '../../mediation.context';

const keyOf = (x: { createdAt: Date; id: string }) => [x.createdAt.toISOString(), x.id];

/** The tenant's registry of mediation institutions and mediators. */
export function registryResolvers(deps: ServiceDeps) {
  const registry = new ManageRegistryHandler(deps.dataSource);
  return {
    Query: {
      mediationInstitutions: async (_: unknown, args: PageArgs, ctx: MediationContext) => {
        authorize(ctx.caller, 'mediation.readRegistry');
        const page = readPage(args, isTimeIdKey);
        const tenantId = ctx.caller.tenantId;
        return toConnection(await withTenant(deps.dataSource, tenantId, (m) => registryRepository.listInstitutions(m, tenantId, page)), page, keyOf);
      },
      mediators: async (_: unknown, args: PageArgs & { institutionId?: string | null }, ctx: MediationContext) => {
        authorize(ctx.caller, 'mediation.readRegistry');
        if (args.institutionId && !isUuid(args.institutionId)) throw new ValidationError('institutionId', 'is not an institution id');
        const page = readPage(args, isTimeIdKey);
        const tenantId = ctx.caller.tenantId;
        const rows = await withTenant(deps.dataSource, tenantId, (m) => registryRepository.listMediators(m, tenantId, args.institutionId ?? null, page));
        return toConnection(rows, page, keyOf);
      },
    },
    Mutation: {
      registerMediationInstitution: (_: unknown, args: { input: InstitutionInput }, ctx: MediationContext) => {
        authorize(ctx.caller, 'mediation.manageRegistry');
        return registry.registerInstitution(ctx.caller.tenantId, args.input);
      },
      registerMediator: (_: unknown, args: { input: MediatorInput }, ctx: MediationContext) => {
        authorize(ctx.caller, 'mediation.manageRegistry');
        return registry.registerMediator(ctx.caller.tenantId, args.input);
      },
      setMediatorActive: (_: unknown, args: { input: { mediatorId: string; active: boolean } }, ctx: MediationContext) => {
        authorize(ctx.caller, 'mediation.manageRegistry');
        return registry.setMediatorActive(ctx.caller.tenantId, args.input.mediatorId, args.input.active);
      },
    },
    Mediator: {
      institution: (m: Mediator, _: unknown, ctx: MediationContext) => ctx.institutionById.load(m.institutionId),
    },
  };
}
