import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { authorize, authorizeAny, borrowerScope, type Permission } from '@redress/access';
import { withTenant } from '@redress/database';
import { DomainError, isUuid, ValidationError } from '@redress/domain-kit';
import { isTimeIdKey, readPage, toConnection, type PageArgs } from '@redress/graphql-kit';
import type { ServiceDeps } from '@redress/service-kit';
import { OpenCaseHandler, type OpenCaseCommand } from '../commands/open-case/open-case.handler';
import { RecordCaseStepHandler } from '../commands/record-case-step/record-case-step.handler';
import { validateHardship, validateMaterial, validateSession, validateTerms, type HardshipInput, type MaterialInput, type SessionInput, type TermInput } from '../domain/case-input';
import { clocksOf } from '../domain/case-clocks';
import { validateCaseFilter, type CaseFilterInput } from '../domain/case-filter';
import { actionsAvailable, type CaseStepRequest } from '../domain/case-steps';
import { currentAssignment, type Agreement, type Assignment, type MediationCase } from '../domain/mediation-case';
import type { NegotiationInput, OpenCaseInput } from '../domain/open-case';
import { caseRepository } from '../infrastructure/case.repository';
import { registryRepository } from '../../registry/infrastructure/registry.repository';
import { HARDSHIP_TYPES } from '../../hardship/hardship-type.catalog';
import type { MediationContext } from '../../mediation.context';

interface StepInput {
  caseId: string;
  expectedVersion?: number | null;
  [key: string]: unknown;
}

const ACTION_ENUM = {
  REVIEW: 'review',
  ASSIGN: 'assign',
  RECUSE: 'recuse',
  ADD_MATERIAL: 'addMaterial',
  RECORD_HARDSHIP: 'recordHardship',
  SCHEDULE_SESSION: 'scheduleSession',
  RECORD_MINUTES: 'recordMinutes',
  PROPOSE: 'propose',
  COMMENT: 'comment',
  ACCEPT_PROPOSAL: 'acceptProposal',
  REJECT_PROPOSAL: 'rejectProposal',
  CARRY_OUT_TERM: 'carryOutTerm',
  FAIL: 'fail',
  WITHDRAW: 'withdraw',
};

/** Who may take a step beyond holding the permission: the borrower's own case, the case's own mediator. */
type Guard = 'borrowerOwnCase' | 'caseMediator' | null;

/** Thin adapters: each resolver checks access, builds a command and hands it on. */
export function caseResolvers(deps: ServiceDeps) {
  const opener = new OpenCaseHandler(deps.dataSource, deps.outbox);
  const steps = new RecordCaseStepHandler(deps.dataSource, deps.outbox);

  const guard = (ctx: MediationContext, c: MediationCase, kind: Guard) => {
    const scope = borrowerScope(ctx.caller);
    // A borrower's view stops at their own cases: another's looks missing, not forbidden.
    if (scope && c.borrowerId !== scope.borrowerId) throw new DomainError('NOT_FOUND', 'No such mediation case', { field: 'input.caseId' });
    if (kind === 'caseMediator' && !ctx.caller.roles.includes('supervisor')) {
      const mediator = currentAssignment(c);
      if (mediator && mediator.mediatorActorId !== ctx.caller.actorId) {
        throw new DomainError('FORBIDDEN', "Only the case's mediator or a supervisor may do this.", { permission: 'mediation.mediate' });
      }
    }
  };

  const step =
    (permission: Permission, kind: Guard, toRequest: (input: StepInput, c: MediationCase, manager: EntityManager, ctx: MediationContext) => Promise<CaseStepRequest> | CaseStepRequest) =>
    async (_: unknown, args: { input: StepInput }, ctx: MediationContext) => {
      authorize(ctx.caller, permission);
      if (!isUuid(args.input.caseId)) throw new ValidationError('input.caseId', 'is not a case id');
      const mediationCase = await steps.execute({
        tenantId: ctx.caller.tenantId,
        actorId: ctx.caller.actorId,
        correlationId: ctx.requestId,
        caseId: args.input.caseId,
        expectedVersion: (args.input.expectedVersion as number | null | undefined) ?? null,
        request: (c, manager) => {
          guard(ctx, c, kind);
          return toRequest(args.input, c, manager, ctx);
        },
      });
      return { mediationCase };
    };

  const command = (ctx: MediationContext): OpenCaseCommand => ({
    tenantId: ctx.caller.tenantId,
    actorId: ctx.caller.actorId,
    callerBorrowerId: borrowerScope(ctx.caller)?.borrowerId ?? null,
    correlationId: ctx.requestId,
  });

  return {
    MediationAction: ACTION_ENUM,
    Query: {
      hardshipTypes: () => HARDSHIP_TYPES,
      mediationCase: (_: unknown, args: { id: string }, ctx: MediationContext) => {
        authorizeAny(ctx.caller, ['mediation.read', 'mediation.readOwn']);
        if (!isUuid(args.id)) throw new ValidationError('id', 'is not a case id');
        return ctx.caseById.load(args.id);
      },
      mediationCases: async (_: unknown, args: PageArgs & { filter?: CaseFilterInput | null }, ctx: MediationContext) => {
        authorizeAny(ctx.caller, ['mediation.read', 'mediation.readOwn']);
        const page = readPage(args, isTimeIdKey);
        const filter = validateCaseFilter(args.filter);
        const scope = borrowerScope(ctx.caller);
        if (scope) filter.borrowerId = scope.borrowerId;
        const tenantId = ctx.caller.tenantId;
        const rows = await withTenant(deps.dataSource, tenantId, (m) => caseRepository.list(m, tenantId, filter, page));
        return toConnection(rows, page, (c) => [c.openedAt.toISOString(), c.id]);
      },
    },
    Mutation: {
      openMediationCase: async (_: unknown, args: { input: OpenCaseInput }, ctx: MediationContext) => {
        authorize(ctx.caller, 'mediation.open');
        return { mediationCase: await opener.open(command(ctx), args.input) };
      },
      requestNegotiation: async (_: unknown, args: { input: NegotiationInput }, ctx: MediationContext) => {
        authorize(ctx.caller, 'mediation.open');
        return { mediationCase: await opener.requestNegotiation(command(ctx), args.input) };
      },
      addMediationMaterial: step('mediation.addMaterials', 'borrowerOwnCase', (input, _c, _m, ctx) => ({
        action: 'addMaterial',
        material: validateMaterial('input.material', input['material'] as MaterialInput, randomUUID(), ctx.caller.actorId, new Date()),
      })),
      recordHardship: step('mediation.addMaterials', 'borrowerOwnCase', (input, c) => ({
        action: 'recordHardship',
        hardship: validateHardship('input.hardship', input['hardship'] as HardshipInput, c.materials, new Date()),
      })),
      reviewMediationCase: step('mediation.review', null, (input) => ({
        action: 'review',
        decision: input['decision'] as 'ACCEPT' | 'DECLINE',
        reasons: (input['reasons'] as string) ?? '',
      })),
      assignMediator: step('mediation.assign', null, async (input, _c, manager, ctx) => {
        const mediatorId = input['mediatorId'] as string;
        if (!isUuid(mediatorId)) throw new ValidationError('input.mediatorId', 'is not a mediator id');
        const mediator = await registryRepository.candidate(manager, ctx.caller.tenantId, mediatorId);
        if (!mediator) throw new DomainError('NOT_FOUND', "No mediator with this id in your lender's registry", { field: 'input.mediatorId' });
        return { action: 'assign', mediator, reason: (input['reason'] as string | null) ?? null };
      }),
      recuseMediator: step('mediation.mediate', 'caseMediator', (input) => ({ action: 'recuse', reason: (input['reason'] as string) ?? '' })),
      scheduleMediationSession: step('mediation.mediate', 'caseMediator', (input) => ({
        action: 'scheduleSession',
        session: validateSession('input', input as unknown as SessionInput, randomUUID(), new Date()),
      })),
      recordSessionMinutes: step('mediation.mediate', 'caseMediator', (input) => {
        if (!isUuid(input['sessionId'] as string)) throw new ValidationError('input.sessionId', 'is not a session id');
        return { action: 'recordMinutes', sessionId: input['sessionId'] as string, minutes: (input['minutes'] as string) ?? '', heldAt: input['heldAt'] as Date };
      }),
      proposeMediationTerms: step('mediation.mediate', 'caseMediator', (input) => ({
        action: 'propose',
        summary: (input['summary'] as string) ?? '',
        terms: validateTerms('input.terms', input['terms'] as TermInput[]),
        replyWithinHours: (input['replyWithinHours'] as number | null) ?? null,
      })),
      commentOnProposal: step('mediation.respond', 'borrowerOwnCase', (input) => ({ action: 'comment', round: input['round'] as number, text: (input['comment'] as string) ?? '' })),
      acceptProposal: step('mediation.respond', 'borrowerOwnCase', (input) => ({
        action: 'acceptProposal',
        round: input['round'] as number,
        comment: (input['comment'] as string | null) ?? null,
        agreementId: randomUUID(),
      })),
      rejectProposal: step('mediation.respond', 'borrowerOwnCase', (input) => ({ action: 'rejectProposal', round: input['round'] as number, reason: (input['reason'] as string) ?? '' })),
      recordTermCarriedOut: step('mediation.mediate', 'caseMediator', (input) => ({
        action: 'carryOutTerm',
        termIndex: input['termIndex'] as number,
        note: (input['note'] as string | null) ?? null,
      })),
      recordMediationFailure: step('mediation.mediate', 'caseMediator', (input) => ({ action: 'fail', reason: (input['reason'] as string) ?? '' })),
      withdrawMediationCase: step('mediation.withdraw', 'borrowerOwnCase', (input) => ({ action: 'withdraw', reason: (input['reason'] as string | null) ?? null })),
    },
    Complaint: {
      // The complaint lives in the complaints service; here it is only the key of its mediation.
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      mediation: (complaint: { id: string }, _: unknown, ctx: MediationContext) => {
        authorizeAny(ctx.caller, ['mediation.read', 'mediation.readOwn']);
        return isUuid(complaint.id) ? ctx.latestCaseOfComplaint.load(complaint.id) : null;
      },
    },
    MediationCase: {
      complaint: (c: MediationCase) => (c.complaintId ? { __typename: 'Complaint', id: c.complaintId } : null),
      mediator: (c: MediationCase) => currentAssignment(c),
      availableActions: (c: MediationCase) => actionsAvailable(c.status),
      clocks: (c: MediationCase) =>
        clocksOf(c, new Date()).map((k) => ({ kind: k.kind, dueAt: k.dueAt, state: k.state, timeLeftSeconds: Math.trunc(k.timeLeftMs / 1000) })),
      outcome: (c: MediationCase) => c.outcome,
    },
    MediationAssignment: {
      mediator: (a: Assignment, _: unknown, ctx: MediationContext) => ctx.mediatorById.load(a.mediatorId),
    },
    MediationAgreement: {
      terms: (a: Agreement) =>
        a.terms.map((t) => ({ term: t, carriedOutAt: t.carriedOut?.at ?? null, carriedOutBy: t.carriedOut?.by ?? null, note: t.carriedOut?.note ?? null })),
    },
  };
}
