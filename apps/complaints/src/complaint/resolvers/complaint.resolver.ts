import { randomUUID } from 'node:crypto';
import { authorize, authorizeAny, borrowerScope, can, type Permission } from '@redress/access';
import { withTenant } from '@redress/database';
import { DomainError, isUuid, ValidationError } from '@redress/domain-kit';
import { DateTimeScalar, isTimeIdKey, readPage, toConnection, type PageArgs } from '@redress/graphql-kit';
import { maskEmail, maskIdNumber, maskName, maskPhone } from '@redress/personal-data';
import type { ServiceDeps } from '@redress/service-kit';
import { FileComplaintHandler } from '../commands/file-complaint/file-complaint.handler';
import { TransitionComplaintHandler } from '../commands/transition-complaint/transition-complaint.handler';
import type { TransitionCommandRequest } from '../commands/transition-complaint/transition-complaint.command';
import { newCaseNote, newCommunication, type CommunicationInput } from '../domain/case-file';
import { borrowerView } from '../domain/borrower-view';
import { noteForComplainant } from '../domain/told-to-complainant';
import type { Complaint, Representative } from '../domain/complaint';
import { clocksOf } from '../domain/complaint-clocks';
import { validateFilter, type ComplaintFilterInput, type ComplaintOrder } from '../domain/complaint-filter';
import type { ComplaintIntakeInput } from '../domain/complaint-intake';
import { actionsAvailable, isOpen } from '../domain/complaint-lifecycle';
import { validateEvidence, type EvidenceInput } from '../domain/evidence';
import { ComplaintEvents } from '../events/complaint-events';
import { caseFileRepository } from '../infrastructure/case-file.repository';
import { createComplaintRepository } from '../infrastructure/complaint.repository';
import type { ComplaintsContext } from '../../complaints.context';

interface StepInput {
  complaintId: string;
  expectedVersion?: number | null;
  reason?: string | null;
  handlerId?: string | null;
  team?: string | null;
  note?: string | null;
  conclusion?: string | null;
  outcome?: string;
  reasons?: string;
  remedies?: { type: string; amount?: { amountMinor: number; currency: string } | null; feeType?: string | null; chargeReference?: string | null; description?: string | null }[];
  accountability?: string | null;
  satisfaction?: number;
  comment?: string | null;
  extension?: 'COMPLEX' | 'FURTHER';
  newFacts?: string;
  intoComplaintId?: string;
}

/** GraphQL's names of the lifecycle actions, mapped to the domain's. */
const ACTION_ENUM = {
  FILE: 'file',
  ACCEPT: 'accept',
  DECLINE: 'decline',
  ASSIGN: 'assign',
  START_INVESTIGATION: 'startInvestigation',
  REQUEST_REVIEW: 'requestReview',
  COMPLETE_REVIEW: 'completeReview',
  PROPOSE_RESOLUTION: 'proposeResolution',
  ACCEPT_RESOLUTION: 'acceptResolution',
  REJECT_RESOLUTION: 'rejectResolution',
  CARRY_OUT: 'carryOut',
  RECORD_FOLLOW_UP: 'recordFollowUp',
  CLOSE: 'close',
  WITHDRAW: 'withdraw',
  MERGE: 'merge',
  ARCHIVE: 'archive',
  EXTEND_DECISION: 'extendDecision',
  PAUSE_CLOCK: 'pauseClock',
  RESUME_CLOCK: 'resumeClock',
  RESTART_CLOCK: 'restartClock',
  MERGE_REPEAT: 'mergeRepeat',
  REOPEN: 'reopen',
};

const complaintId = (id: string, field = 'input.complaintId') => {
  if (!isUuid(id)) throw new ValidationError(field, 'is not a complaint id');
  return id;
};

/**
 * The complaint a caller may see: any of its lender's for staff and partner apps, only their own
 * for a borrower-scoped caller. Anything else — missing, another lender's, another borrower's —
 * is the same null, so nothing about other data leaks.
 */
async function visible(ctx: ComplaintsContext, id: string): Promise<Complaint | null> {
  authorizeAny(ctx.caller, ['complaints.read', 'complaints.readOwn']);
  const complaint = await ctx.complaintById.load(id);
  const scope = borrowerScope(ctx.caller);
  if (!complaint || (scope && complaint.borrowerId !== scope.borrowerId)) return null;
  return complaint;
}

async function visibleOrNotFound(ctx: ComplaintsContext, id: string): Promise<Complaint> {
  const complaint = await visible(ctx, complaintId(id));
  if (!complaint) throw new DomainError('NOT_FOUND', 'No such complaint', { field: 'input.complaintId' });
  return complaint;
}

/** Personal data in full for the roles that work with it, masked for the rest, hidden for confidential reporters. */
function complainantFor(ctx: ComplaintsContext, c: Complaint) {
  const confidential = c.category === 'MISCONDUCT_REPORT';
  if (confidential && !can(ctx.caller, 'complaints.readConfidentialReporter')) {
    return { name: '保密举报人', phone: '***', email: null, idNumber: null, locale: c.complainant.locale, visibility: 'CONFIDENTIAL' };
  }
  if (can(ctx.caller, 'complaints.readPersonalData') || (confidential && can(ctx.caller, 'complaints.readConfidentialReporter'))) {
    return { ...c.complainant, visibility: 'FULL' };
  }
  const { name, phone, email, idNumber, locale } = c.complainant;
  return {
    name: maskName(name),
    phone: maskPhone(phone),
    email: email ? maskEmail(email) : null,
    idNumber: idNumber ? maskIdNumber(idNumber) : null,
    locale,
    visibility: 'MASKED',
  };
}

function representativeFor(ctx: ComplaintsContext, r: Representative | null) {
  if (!r) return null;
  if (can(ctx.caller, 'complaints.readPersonalData')) return r;
  return { ...r, name: maskName(r.name), phone: r.phone ? maskPhone(r.phone) : null };
}

/** Internal parts of the case file: refused with FORBIDDEN (a typed error on that field alone). */
function internal<T>(ctx: ComplaintsContext, read: () => T): T {
  authorize(ctx.caller, 'complaints.readInternalNotes');
  return read();
}

/** Thin adapters: each resolver checks access, builds a command or a query, and hands it on. */
export function complaintResolvers(deps: ServiceDeps) {
  const repository = createComplaintRepository(deps.personalData);
  const events = new ComplaintEvents(deps.outbox, deps.personalData);
  const fileComplaint = new FileComplaintHandler(deps.dataSource, repository, events);
  const transition = new TransitionComplaintHandler(deps.dataSource, repository, events);

  const step =
    (permission: Permission, toRequest: (input: StepInput, ctx: ComplaintsContext) => TransitionCommandRequest, ownCaseOnly = false) =>
    async (_: unknown, args: { input: StepInput }, ctx: ComplaintsContext) => {
      authorize(ctx.caller, permission);
      const id = complaintId(args.input.complaintId);
      // A borrower (or an app acting for one) may answer for their own case only.
      if (ownCaseOnly && borrowerScope(ctx.caller)) await visibleOrNotFound(ctx, id);
      const complaint = await transition.execute({
        tenantId: ctx.caller.tenantId,
        actorId: ctx.caller.actorId,
        roles: ctx.caller.roles,
        correlationId: ctx.requestId,
        complaintId: id,
        expectedVersion: args.input.expectedVersion ?? null,
        request: toRequest(args.input, ctx),
      });
      return { complaint };
    };

  /** Adds a record to the case file of an open complaint the caller may work on. */
  const caseFileEntry =
    <I extends { complaintId: string }>(permission: Permission, write: (input: I, ctx: ComplaintsContext, complaint: Complaint) => Promise<void>) =>
    async (_: unknown, args: { input: I }, ctx: ComplaintsContext) => {
      authorize(ctx.caller, permission);
      const complaint = await visibleOrNotFound(ctx, args.input.complaintId);
      await write(args.input, ctx, complaint);
      ctx.complaintById.clear(complaint.id);
      return { complaint };
    };

  return {
    DateTime: DateTimeScalar,
    Locale: { zh_CN: 'zh-CN', zh_TW: 'zh-TW', en: 'en' },
    ComplaintAction: ACTION_ENUM,
    Query: {
      complaint: (_: unknown, args: { id: string }, ctx: ComplaintsContext) => visible(ctx, complaintId(args.id, 'id')),
      complaintByReference: async (_: unknown, args: { reference: string }, ctx: ComplaintsContext) => {
        authorizeAny(ctx.caller, ['complaints.read', 'complaints.readOwn']);
        const tenantId = ctx.caller.tenantId;
        const found = await withTenant(deps.dataSource, tenantId, (m) => repository.findByReference(m, tenantId, args.reference.trim().toUpperCase()));
        return found ? visible(ctx, found.id) : null;
      },
      complaints: async (
        _: unknown,
        args: PageArgs & { filter?: ComplaintFilterInput | null; orderBy?: ComplaintOrder | null },
        ctx: ComplaintsContext,
      ) => {
        authorizeAny(ctx.caller, ['complaints.read', 'complaints.readOwn']);
        const page = readPage(args, isTimeIdKey);
        const scope = borrowerScope(ctx.caller);
        const filter = { ...validateFilter(args.filter), borrowerId: scope?.borrowerId ?? null };
        const order = args.orderBy ?? 'RECEIVED_NEWEST_FIRST';
        const tenantId = ctx.caller.tenantId;
        const rows = await withTenant(deps.dataSource, tenantId, (m) => repository.list(m, tenantId, filter, order, page, new Date()));
        const keyOf = order === 'DECISION_DUE_SOONEST_FIRST' ? (c: Complaint) => c.decisionDueAt : (c: Complaint) => c.receivedAt;
        return toConnection(rows, page, (c) => [keyOf(c).toISOString(), c.id]);
      },
      myComplaints: async (_: unknown, args: PageArgs, ctx: ComplaintsContext) => {
        const scope = borrowerScope(ctx.caller);
        if (!scope) throw new DomainError('FORBIDDEN', 'Only a borrower, or an app acting for one borrower, has complaints of their own.');
        const page = readPage(args, isTimeIdKey);
        const tenantId = ctx.caller.tenantId;
        const filter = { ...validateFilter(null), borrowerId: scope.borrowerId };
        const rows = await withTenant(deps.dataSource, tenantId, (m) => repository.list(m, tenantId, filter, 'RECEIVED_NEWEST_FIRST', page, new Date()));
        const views = await Promise.all(rows.map(async (c) => borrowerView(c, await ctx.timelineOf.load(c.id), new Date())));
        return toConnection(views, page, (v) => [v.receivedAt.toISOString(), v.id]);
      },
      myComplaint: async (_: unknown, args: { id: string }, ctx: ComplaintsContext) => {
        if (!borrowerScope(ctx.caller)) throw new DomainError('FORBIDDEN', 'Only a borrower, or an app acting for one borrower, has complaints of their own.');
        const complaint = await visible(ctx, complaintId(args.id, 'id'));
        return complaint ? borrowerView(complaint, await ctx.timelineOf.load(complaint.id), new Date()) : null;
      },
    },
    Mutation: {
      fileComplaint: async (_: unknown, args: { input: ComplaintIntakeInput }, ctx: ComplaintsContext) => {
        authorize(ctx.caller, 'complaints.file');
        return fileComplaint.execute({
          tenantId: ctx.caller.tenantId,
          actorId: ctx.caller.actorId,
          roles: ctx.caller.roles,
          callerBorrowerId: borrowerScope(ctx.caller)?.borrowerId ?? null,
          correlationId: ctx.requestId,
          input: args.input,
        });
      },
      acceptComplaint: step('complaints.work', () => ({ action: 'accept' })),
      declineComplaint: step('complaints.work', (input) => ({ action: 'decline', reason: input.reason ?? '' })),
      assignComplaint: step('complaints.work', (input) => ({ action: 'assign', handlerId: input.handlerId ?? '', team: input.team })),
      startInvestigation: step('complaints.work', () => ({ action: 'startInvestigation' })),
      withdrawComplaint: step('complaints.withdraw', (input) => ({ action: 'withdraw', reason: input.reason }), true),
      requestReview: step('complaints.work', (input) => ({ action: 'requestReview', note: input.note })),
      completeReview: step('complaints.review', (input) => ({ action: 'completeReview', conclusion: input.conclusion ?? '' })),
      proposeResolution: step('complaints.work', (input) => ({
        action: 'proposeResolution',
        resolution: { outcome: input.outcome ?? '', reasons: input.reasons ?? '', remedies: input.remedies ?? [], accountability: input.accountability },
      })),
      acceptResolution: step('complaints.respondToResolution', () => ({ action: 'acceptResolution' }), true),
      rejectResolution: step('complaints.respondToResolution', (input) => ({ action: 'rejectResolution', reason: input.reason }), true),
      carryOutResolution: step('complaints.work', (input) => ({ action: 'carryOut', note: input.note })),
      recordFollowUp: step('complaints.work', (input) => ({ action: 'recordFollowUp', satisfaction: input.satisfaction ?? 0, comment: input.comment })),
      closeComplaint: step('complaints.work', () => ({ action: 'close' })),
      archiveComplaint: step('complaints.work', () => ({ action: 'archive' })),
      mergeComplaint: step('complaints.work', (input) => ({ action: 'merge', intoComplaintId: complaintId(input.intoComplaintId ?? '', 'input.intoComplaintId') })),
      extendDecisionClock: async (_: unknown, args: { input: StepInput }, ctx: ComplaintsContext) => {
        // The complex-case extension is the handler's call; the further one needs a senior approver, who is the caller.
        const further = args.input.extension === 'FURTHER';
        return step(further ? 'complaints.approveSeniorExtension' : 'complaints.work', (input, c) => ({
          action: 'extendDecision',
          extension: further ? 'FURTHER' : 'COMPLEX',
          reason: input.reason ?? '',
          approvedBy: further ? c.caller.actorId : null,
        }))(_, args, ctx);
      },
      pauseDecisionClock: step('complaints.work', (input) => ({ action: 'pauseClock', reason: input.reason ?? '' })),
      resumeDecisionClock: step('complaints.work', () => ({ action: 'resumeClock' })),
      restartDecisionClock: step('complaints.work', (input) => ({ action: 'restartClock', newFacts: input.newFacts ?? '' })),
      logComplaintContact: caseFileEntry<CommunicationInput & { complaintId: string }>('complaints.work', async (input, ctx, complaint) => {
        const entry = newCommunication(ctx.caller.tenantId, complaint.id, ctx.caller.actorId, input, new Date());
        await withTenant(deps.dataSource, ctx.caller.tenantId, async (m) => {
          await caseFileRepository.addCommunication(m, entry);
          await caseFileRepository.audit(m, { ...actor(ctx), action: 'log-contact', complaintId: complaint.id, detail: { channel: entry.channel } });
        });
      }),
      addCaseNote: caseFileEntry<{ complaintId: string; kind: string; body: string }>('complaints.work', async (input, ctx, complaint) => {
        const note = newCaseNote(ctx.caller.tenantId, complaint.id, ctx.caller.actorId, input, new Date());
        await withTenant(deps.dataSource, ctx.caller.tenantId, async (m) => {
          await caseFileRepository.addNote(m, note);
          await caseFileRepository.audit(m, { ...actor(ctx), action: 'add-note', complaintId: complaint.id, detail: { kind: note.kind } });
        });
      }),
      addComplaintEvidence: caseFileEntry<{ complaintId: string; evidence: EvidenceInput[] }>('complaints.file', async (input, ctx, complaint) => {
        if (!isOpen(complaint.status)) {
          throw new DomainError('CONFLICT', `Evidence can be added to an open complaint only; this one is ${complaint.status}.`, { currentStatus: complaint.status });
        }
        if (input.evidence.length === 0 || input.evidence.length > 30) throw new ValidationError('input.evidence', 'must list 1 to 30 files');
        const evidence = input.evidence.map((e, i) => validateEvidence(`input.evidence.${i}`, e));
        const now = new Date();
        await withTenant(deps.dataSource, ctx.caller.tenantId, async (m) => {
          await repository.addEvidence(m, ctx.caller.tenantId, complaint.id, evidence, ctx.caller.actorId, now, evidence.map(() => randomUUID()));
          await caseFileRepository.audit(m, { ...actor(ctx), action: 'add-evidence', complaintId: complaint.id, detail: { files: evidence.length } });
        });
      }),
    },
    Complaint: {
      availableActions: (c: Complaint) => actionsAvailable(c.status),
      // Internal notes (who was assigned, what the review group was asked) only for the case team.
      timeline: async (c: Complaint, _: unknown, ctx: ComplaintsContext) => {
        const steps = await ctx.timelineOf.load(c.id);
        return can(ctx.caller, 'complaints.readInternalNotes') ? steps : steps.map((s) => ({ ...s, note: noteForComplainant(s) }));
      },
      clocks: async (c: Complaint, _: unknown, ctx: ComplaintsContext) =>
        clocksOf(c, await ctx.timelineOf.load(c.id), new Date()).map((clock) => ({
          ...clock,
          timeLeftSeconds: Math.trunc(clock.timeLeftMs / 1000),
          extension: clock.kind === 'DECISION' ? c.decisionClock.extension : 'NONE',
          extensionReason: clock.kind === 'DECISION' ? c.decisionClock.extensionReason : null,
          approvedBy: clock.kind === 'DECISION' ? c.decisionClock.approvedBy : null,
        })),
      __resolveReference: async (ref: { id: string }, ctx: ComplaintsContext) => (isUuid(ref.id) ? visible(ctx, ref.id) : null),
      complainant: async (c: Complaint, _: unknown, ctx: ComplaintsContext) => {
        const shown = complainantFor(ctx, c);
        if (c.category === 'MISCONDUCT_REPORT' && shown.visibility === 'FULL') {
          // Every read of a confidential reporter's identity is on the record: who, when, which case.
          await withTenant(deps.dataSource, ctx.caller.tenantId, (m) =>
            caseFileRepository.audit(m, { ...actor(ctx), action: 'read:confidential-reporter', complaintId: c.id }),
          );
        }
        return shown;
      },
      representative: (c: Complaint, _: unknown, ctx: ComplaintsContext) =>
        // Whoever filed a misconduct report for someone else is as confidential as the reporter.
        complainantFor(ctx, c).visibility === 'CONFIDENTIAL' ? null : representativeFor(ctx, c.representative),
      mergedInto: (c: Complaint, _: unknown, ctx: ComplaintsContext) => (c.mergedInto ? visible(ctx, c.mergedInto) : null),
      reviewConclusion: (c: Complaint, _: unknown, ctx: ComplaintsContext) => (c.reviewConclusion === null ? null : internal(ctx, () => c.reviewConclusion)),
      resolution: (c: Complaint, _: unknown, ctx: ComplaintsContext) =>
        c.resolution && { ...c.resolution, accountability: can(ctx.caller, 'complaints.readInternalNotes') ? c.resolution.accountability : null },
      communications: (c: Complaint, _: unknown, ctx: ComplaintsContext) => internal(ctx, () => ctx.communicationsOf.load(c.id)),
      caseNotes: (c: Complaint, _: unknown, ctx: ComplaintsContext) => internal(ctx, () => ctx.notesOf.load(c.id)),
      evidence: (c: Complaint, _: unknown, ctx: ComplaintsContext) => ctx.evidenceOf.load(c.id),
      auditTrail: (c: Complaint, _: unknown, ctx: ComplaintsContext) => {
        authorize(ctx.caller, 'complaints.readAuditTrail');
        return withTenant(deps.dataSource, ctx.caller.tenantId, (m) => caseFileRepository.auditOf(m, ctx.caller.tenantId, c.id));
      },
    },
  };
}

function actor(ctx: ComplaintsContext) {
  return { tenantId: ctx.caller.tenantId, actorId: ctx.caller.actorId, roles: ctx.caller.roles };
}
