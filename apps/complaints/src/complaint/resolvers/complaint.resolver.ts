import { isTimeIdKey, readPage, toConnection, ValidationError, DateTimeScalar, type PageArgs } from '@redress/graphql-kit';
import type { ServiceDeps } from '@redress/service-kit';
import { withTenant } from '@redress/database';
import { FileComplaintHandler } from '../commands/file-complaint/file-complaint.handler';
import type { ComplaintIntakeInput } from '../domain/complaint-intake';
import type { Complaint } from '../domain/complaint';
import { complaintRepository, isUuid } from '../infrastructure/complaint.repository';
import type { ComplaintsContext } from '../../complaints.context';

/** Thin adapters: each resolver builds a command or a query and hands it on. */
export function complaintResolvers(deps: ServiceDeps) {
  const fileComplaint = new FileComplaintHandler(deps.dataSource, deps.outbox);
  return {
    DateTime: DateTimeScalar,
    Locale: { zh_CN: 'zh-CN', zh_TW: 'zh-TW', en: 'en' },
    Query: {
      complaint: (_: unknown, args: { id: string }, ctx: ComplaintsContext) => {
        if (!isUuid(args.id)) throw new ValidationError('id', 'is not a complaint id');
        return ctx.complaintById.load(args.id);
      },
      complaints: async (_: unknown, args: PageArgs, ctx: ComplaintsContext) => {
        const page = readPage(args, isTimeIdKey);
        const tenantId = ctx.caller.tenantId;
        const rows = await withTenant(deps.dataSource, tenantId, (m) => complaintRepository.listNewestFirst(m, tenantId, page));
        return toConnection(rows, page, (c) => [c.receivedAt.toISOString(), c.id]);
      },
    },
    Mutation: {
      fileComplaint: async (_: unknown, args: { input: ComplaintIntakeInput }, ctx: ComplaintsContext) => {
        const complaint = await fileComplaint.execute({
          tenantId: ctx.caller.tenantId,
          actorId: ctx.caller.actorId,
          correlationId: ctx.requestId,
          input: args.input,
        });
        return { complaint };
      },
    },
    Complaint: {
      __resolveReference: (ref: { id: string }, ctx: ComplaintsContext) => ctx.complaintById.load(ref.id),
      complainant: (c: Complaint) => c.complainant,
    },
  };
}
