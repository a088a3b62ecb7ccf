import { authorize, can } from '@redress/access';
import { withTenant } from '@redress/database';
import { isUuid } from '@redress/domain-kit';
import { isTimeIdKey, readPage, toConnection, ValidationError, type PageArgs, type RequestContext } from '@redress/graphql-kit';
import type { ServiceDeps } from '@redress/service-kit';
import { auditTrail } from '../infrastructure/audit-trail.repository';

/** Reads the audit trail: a lender's own for its administrators and compliance, any named one for platform administrators. */
export function auditTrailResolvers(deps: ServiceDeps) {
  return {
    Query: {
      tenantAuditTrail: async (_: unknown, args: PageArgs & { tenantId?: string | null }, ctx: RequestContext) => {
        authorize(ctx.caller, 'tenancy.readAuditTrail');
        let tenantId = ctx.caller.tenantId;
        if (can(ctx.caller, 'tenancy.manageTenants')) {
          if (!args.tenantId) throw new ValidationError('tenantId', 'is required for platform administrators');
          if (!isUuid(args.tenantId)) throw new ValidationError('tenantId', 'is not a tenant id');
          tenantId = args.tenantId;
        }
        const page = readPage(args, isTimeIdKey);
        const rows = await withTenant(deps.dataSource, tenantId, (m) => auditTrail.list(m, tenantId, page.after, page.limit));
        return toConnection(rows, page, (e) => [e.at.toISOString(), e.id]);
      },
    },
  };
}
