import { authorize, can, PLATFORM_TENANT_ID } from '@redress/access';
import { withTenant } from '@redress/database';
import { DomainError, isUuid } from '@redress/domain-kit';
import { isTimeIdKey, readPage, toConnection, ValidationError, type PageArgs, type RequestContext } from '@redress/graphql-kit';
import type { ServiceDeps } from '@redress/service-kit';
import { ChangeTenantStatusHandler } from '../commands/change-tenant-status/change-tenant-status.handler';
import { OnboardTenantHandler } from '../commands/onboard-tenant/onboard-tenant.handler';
import { UpdateTenantSettingsHandler } from '../commands/update-tenant-settings/update-tenant-settings.handler';
import type { Tenant, TenantStatus } from '../domain/tenant';
import type { OnboardTenantInput, TenantSettingsChange } from '../domain/tenant-settings';
import { tenantRepository } from '../infrastructure/tenant.repository';

/** One tenant as the caller may see it: platform administrators any, everyone else their own (else null). */
async function visibleTenant(deps: ServiceDeps, ctx: RequestContext, id: string): Promise<Tenant | null> {
  if (!can(ctx.caller, 'tenancy.listTenants')) {
    authorize(ctx.caller, 'tenancy.readOwnTenant');
    if (id !== ctx.caller.tenantId) return null;
  }
  return withTenant(deps.dataSource, id, (m) => tenantRepository.findById(m, id));
}

/** Thin adapters over the tenant registry's commands and queries. */
export function tenantResolvers(deps: ServiceDeps) {
  const onboard = new OnboardTenantHandler(deps.dataSource, deps.outbox);
  const changeStatus = new ChangeTenantStatusHandler(deps.dataSource, deps.outbox);
  const updateSettings = new UpdateTenantSettingsHandler(deps.dataSource, deps.outbox);
  const statusChange = (to: TenantStatus) => async (_: unknown, args: { input: { tenantId: string; reason: string } }, ctx: RequestContext) => {
    authorize(ctx.caller, 'tenancy.manageTenants');
    const tenant = await changeStatus.execute({
      tenantId: args.input.tenantId,
      reason: args.input.reason,
      to,
      actorId: ctx.caller.actorId,
      requestId: ctx.requestId,
    });
    return { tenant };
  };
  return {
    Query: {
      tenants: async (_: unknown, args: PageArgs & { status?: TenantStatus | null }, ctx: RequestContext) => {
        authorize(ctx.caller, 'tenancy.listTenants');
        const page = readPage(args, isTimeIdKey);
        const rows = await deps.dataSource.transaction((m) =>
          tenantRepository.list(m, { status: args.status ?? null, after: page.after, limit: page.limit }),
        );
        return toConnection(rows, page, (t) => [t.onboardedAt.toISOString(), t.id]);
      },
      tenant: (_: unknown, args: { id: string }, ctx: RequestContext) => {
        if (!isUuid(args.id)) throw new ValidationError('id', 'is not a tenant id');
        return visibleTenant(deps, ctx, args.id);
      },
      currentTenant: (_: unknown, __: unknown, ctx: RequestContext) => {
        authorize(ctx.caller, 'tenancy.readOwnTenant');
        if (ctx.caller.tenantId === PLATFORM_TENANT_ID) return null;
        return visibleTenant(deps, ctx, ctx.caller.tenantId);
      },
    },
    Mutation: {
      onboardTenant: async (_: unknown, args: { input: OnboardTenantInput }, ctx: RequestContext) => {
        authorize(ctx.caller, 'tenancy.manageTenants');
        const tenant = await onboard.execute({
          input: args.input,
          actorId: ctx.caller.actorId,
          requestId: ctx.requestId,
        });
        return { tenant };
      },
      updateTenantSettings: async (
        _: unknown,
        args: { input: TenantSettingsChange & { tenantId?: string | null; expectedRevision?: number | null } },
        ctx: RequestContext,
      ) => {
        const { tenantId: given, expectedRevision, ...change } = args.input;
        let tenantId = ctx.caller.tenantId;
        if (can(ctx.caller, 'tenancy.manageTenants')) {
          if (!given) throw new ValidationError('input.tenantId', 'is required for platform administrators');
          tenantId = given;
        } else {
          authorize(ctx.caller, 'tenancy.updateOwnSettings');
          // Another lender's id looks like a missing one.
          if (given && given !== ctx.caller.tenantId) throw new DomainError('NOT_FOUND', 'No tenant with this id.', { field: 'input.tenantId' });
        }
        const tenant = await updateSettings.execute({
          tenantId,
          expectedRevision: expectedRevision ?? null,
          change,
          actorId: ctx.caller.actorId,
          requestId: ctx.requestId,
        });
        return { tenant };
      },
      suspendTenant: statusChange('SUSPENDED'),
      reinstateTenant: statusChange('ACTIVE'),
    },
    Tenant: {
      __resolveReference: (ref: { id: string }, ctx: RequestContext) => (isUuid(ref.id) ? visibleTenant(deps, ctx, ref.id) : null),
    },
  };
}
