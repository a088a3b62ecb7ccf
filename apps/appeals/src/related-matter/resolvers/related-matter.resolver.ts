import { authorize } from '@redress/access';
import { withTenant } from '@redress/database';
import { isUuid } from '@redress/domain-kit';
import { isTimeIdKey, readPage, toConnection, ValidationError, type PageArgs } from '@redress/graphql-kit';
import type { ServiceDeps } from '@redress/service-kit';
import type { AppealsContext } from '../../appeals.context';
import { RelatedMatterHandler } from '../commands/related-matter.handler';
import type { RelatedCaseRef, RelatedMatter, RelatedMatterInput } from '../domain/related-matter';
import { suggestMatters, type MatterSuggestion } from '../domain/suggestion-rule';
import type { RelatedCase } from '../infrastructure/related-matter.repository';
import { relatedMatterRepository } from '../infrastructure/related-matter.repository';

/** Related matters: possible collective claims, grouped by staff or suggested by the service. */
export function relatedMatterResolvers(deps: ServiceDeps) {
  const handler = new RelatedMatterHandler(deps.dataSource, deps.outbox);
  const ctxOf = (ctx: AppealsContext) => ({ tenantId: ctx.caller.tenantId, actorId: ctx.caller.actorId, correlationId: ctx.requestId });
  return {
    Query: {
      relatedMatters: async (_: unknown, args: PageArgs, ctx: AppealsContext) => {
        authorize(ctx.caller, 'appeals.readRelatedMatters');
        const page = readPage(args, isTimeIdKey);
        const tenantId = ctx.caller.tenantId;
        const rows = await withTenant(deps.dataSource, tenantId, (m) => relatedMatterRepository.list(m, tenantId, page));
        return toConnection(rows, page, (m) => [m.openedAt.toISOString(), m.id]);
      },
      relatedMatter: async (_: unknown, args: { id: string }, ctx: AppealsContext) => {
        authorize(ctx.caller, 'appeals.readRelatedMatters');
        if (!isUuid(args.id)) throw new ValidationError('id', 'is not a matter id');
        const tenantId = ctx.caller.tenantId;
        const [matter] = await withTenant(deps.dataSource, tenantId, (m) => relatedMatterRepository.findByIds(m, tenantId, [args.id]));
        return matter ?? null;
      },
      relatedMatterSuggestions: async (_: unknown, __: unknown, ctx: AppealsContext) => {
        authorize(ctx.caller, 'appeals.readRelatedMatters');
        const policy = await ctx.policy();
        const now = new Date();
        const since = new Date(now.getTime() - policy.matterPeriodDays * 86_400_000);
        const tenantId = ctx.caller.tenantId;
        const cases = await withTenant(deps.dataSource, tenantId, (m) => relatedMatterRepository.ungroupedCasesSince(m, tenantId, since));
        return suggestMatters(cases, { minBorrowers: policy.matterMinBorrowers, periodDays: policy.matterPeriodDays }, now).map((s: MatterSuggestion) => ({
          ...s,
          explanation:
            `${s.borrowerCount} borrowers raised ${s.issue} about ${s.productName} between ${s.firstAt.toISOString().slice(0, 10)} and ` +
            `${s.lastAt.toISOString().slice(0, 10)}: at least ${policy.matterMinBorrowers} borrowers on one product and issue within ${policy.matterPeriodDays} days.`,
        }));
      },
    },
    Mutation: {
      openRelatedMatter: async (_: unknown, args: { input: RelatedMatterInput }, ctx: AppealsContext) => {
        authorize(ctx.caller, 'appeals.manageRelatedMatters');
        return { matter: await handler.open({ ...ctxOf(ctx), input: args.input }) };
      },
      closeRelatedMatter: async (_: unknown, args: { input: { matterId: string } }, ctx: AppealsContext) => {
        authorize(ctx.caller, 'appeals.manageRelatedMatters');
        return { matter: await handler.close({ ...ctxOf(ctx), matterId: args.input.matterId }) };
      },
      addToRelatedMatter: async (_: unknown, args: { input: { matterId: string; cases: RelatedCaseRef[] } }, ctx: AppealsContext) => {
        authorize(ctx.caller, 'appeals.manageRelatedMatters');
        return { matter: await handler.addCases({ ...ctxOf(ctx), matterId: args.input.matterId, cases: args.input.cases }) };
      },
    },
    RelatedMatter: {
      cases: (m: RelatedMatter, _: unknown, ctx: AppealsContext) => ctx.casesOfMatter.load(m.id),
    },
    RelatedCase: {
      complaint: (c: RelatedCase) => (c.caseType === 'COMPLAINT' ? { __typename: 'Complaint', id: c.caseId } : null),
      appeal: (c: RelatedCase, _: unknown, ctx: AppealsContext) => (c.caseType === 'APPEAL' ? ctx.appealById.load(c.caseId) : null),
    },
  };
}
