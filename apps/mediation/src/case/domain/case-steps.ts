import { DomainError, requiredText, optionalText, ValidationError } from '@redress/domain-kit';
import { hoursAfter, MEDIATION_CLOCK_POLICY } from './case-policy';
import { externalRoutes } from './external-routes';
import {
  CONCLUDED_STATUSES,
  currentAssignment,
  OPEN_STATUSES,
  pendingProposal,
  type Agreement,
  type CaseStatus,
  type CaseStep,
  type Hardship,
  type MediationCase,
  type Material,
  type Session,
  type Term,
} from './mediation-case';
import { assertMayMediate, type MediatorCandidate } from './recusal';

/** One step a caller (or an event) asks of a case; each is validated against the case's state. */
export type CaseStepRequest =
  | { action: 'review'; decision: 'ACCEPT' | 'DECLINE'; reasons: string }
  | { action: 'assign'; mediator: MediatorCandidate; reason: string | null }
  | { action: 'recuse'; reason: string }
  | { action: 'addMaterial'; material: Material }
  | { action: 'recordHardship'; hardship: Hardship }
  | { action: 'scheduleSession'; session: Session }
  | { action: 'recordMinutes'; sessionId: string; minutes: string; heldAt: Date }
  | { action: 'propose'; summary: string; terms: Term[]; replyWithinHours: number | null }
  | { action: 'comment'; round: number; text: string }
  | { action: 'acceptProposal'; round: number; comment: string | null; agreementId: string }
  | { action: 'rejectProposal'; round: number; reason: string }
  | { action: 'carryOutTerm'; termIndex: number; note: string | null }
  | { action: 'fail'; reason: string }
  | { action: 'withdraw'; reason: string | null }
  | { action: 'resume'; appealId: string; reasons: string };

export type CaseAction = CaseStepRequest['action'];

/** Where each action may be taken. */
const ALLOWED: Record<CaseAction, readonly CaseStatus[]> = {
  review: ['SUBMITTED'],
  assign: ['AWAITING_MEDIATOR', 'IN_MEDIATION', 'PROPOSAL_PENDING'],
  recuse: ['IN_MEDIATION', 'PROPOSAL_PENDING'],
  addMaterial: OPEN_STATUSES,
  recordHardship: OPEN_STATUSES,
  scheduleSession: ['IN_MEDIATION', 'PROPOSAL_PENDING'],
  recordMinutes: ['IN_MEDIATION', 'PROPOSAL_PENDING', 'AGREED', 'FAILED'],
  propose: ['IN_MEDIATION'],
  comment: ['PROPOSAL_PENDING'],
  acceptProposal: ['PROPOSAL_PENDING'],
  rejectProposal: ['PROPOSAL_PENDING'],
  carryOutTerm: ['AGREED'],
  fail: ['AWAITING_MEDIATOR', 'IN_MEDIATION', 'PROPOSAL_PENDING'],
  withdraw: OPEN_STATUSES,
  resume: CONCLUDED_STATUSES,
};

export function actionsAvailable(status: CaseStatus): CaseAction[] {
  return (Object.keys(ALLOWED) as CaseAction[]).filter((a) => a !== 'resume' && ALLOWED[a].includes(status));
}

export interface StepResult {
  case: MediationCase;
  step: CaseStep;
}

function notAllowed(action: CaseAction, status: CaseStatus): DomainError {
  return new DomainError(
    'CONFLICT',
    `Cannot ${action} a case that is ${status}; it must be ${ALLOWED[action].join(' or ')}.`,
    { action, currentStatus: status, allowedStatuses: ALLOWED[action] },
  );
}

function checkRound(c: MediationCase, round: number) {
  const pending = pendingProposal(c)!;
  if (round !== pending.round) {
    throw new DomainError('CONFLICT', `Round ${round} is not the proposal awaiting a reply; round ${pending.round} is.`, {
      field: 'input.round',
      pendingRound: pending.round,
    });
  }
  return pending;
}

/** Marks a negotiation's specialist as having answered (a session or a proposal is an answer). */
function answered(c: MediationCase, now: Date): Partial<MediationCase> {
  return c.kind === 'NEGOTIATION' && c.specialistRepliedAt === null ? { specialistRepliedAt: now } : {};
}

/**
 * Applies one step: returns the changed case and the timeline entry, or throws a typed error and
 * changes nothing. Pure: the handler persists the result and publishes its events.
 */
export function applyStep(c: MediationCase, request: CaseStepRequest, actorId: string, now: Date): StepResult {
  if (!ALLOWED[request.action].includes(c.status)) throw notAllowed(request.action, c.status);
  let next: MediationCase = { ...c, version: c.version + 1 };
  let note: string | null = null;
  switch (request.action) {
    case 'review': {
      const reasons = requiredText('input.reasons', request.reasons, 4_000);
      const accepted = request.decision === 'ACCEPT';
      next = {
        ...next,
        review: { decision: accepted ? 'ACCEPTED' : 'NOT_ACCEPTED', reasons, reviewerId: actorId, at: now },
        status: accepted ? 'AWAITING_MEDIATOR' : 'NOT_ACCEPTED',
        caseDueAt: accepted ? hoursAfter(now, MEDIATION_CLOCK_POLICY.caseDays * 24) : null,
        outcome: accepted ? null : { kind: 'NOT_ACCEPTED', summary: `${reasons}\n${externalRoutes(c.locale)}`, at: now },
      };
      // A borrower who is turned away is told where else to go, as on failure.
      note = accepted ? reasons : `${reasons}\n${externalRoutes(c.locale)}`;
      break;
    }
    case 'assign': {
      const current = currentAssignment(c);
      if (current?.mediatorId === request.mediator.id) {
        throw new ValidationError('input.mediatorId', 'is already the mediator of this case');
      }
      assertMayMediate(c, request.mediator, now);
      const reason = optionalText('input.reason', request.reason, 2_000);
      if (current && !reason) throw new ValidationError('input.reason', 'say why the case is reassigned');
      next = {
        ...next,
        assignments: [
          ...c.assignments.map((a) => (a === current ? { ...a, endedAt: now, endReason: 'REASSIGNED' as const } : a)),
          {
            mediatorId: request.mediator.id,
            mediatorActorId: request.mediator.actorId,
            mediatorName: request.mediator.name,
            institutionId: request.mediator.institutionId,
            assignedAt: now,
            assignedBy: actorId,
            reason,
            endedAt: null,
            endReason: null,
          },
        ],
        status: c.status === 'AWAITING_MEDIATOR' ? 'IN_MEDIATION' : c.status,
      };
      note = current ? `reassigned from ${current.mediatorName} to ${request.mediator.name}: ${reason}` : `assigned to ${request.mediator.name}`;
      break;
    }
    case 'recuse': {
      const current = currentAssignment(c)!;
      const reason = requiredText('input.reason', request.reason, 2_000);
      const pending = pendingProposal(c);
      next = {
        ...next,
        assignments: c.assignments.map((a) => (a === current ? { ...a, endedAt: now, endReason: 'RECUSED' as const } : a)),
        interestedParties: [...new Set([...c.interestedParties, current.mediatorActorId])],
        proposals: c.proposals.map((p) => (p === pending ? { ...p, answer: { kind: 'WITHDRAWN' as const, by: actorId, at: now, reason: 'the mediator recused' } } : p)),
        status: 'AWAITING_MEDIATOR',
      };
      note = `${current.mediatorName} recused: ${reason}`;
      break;
    }
    case 'addMaterial': {
      if (c.materials.length >= 50) throw new ValidationError('input.material', 'a case holds at most 50 materials');
      if (c.materials.some((m) => m.contentHash === request.material.contentHash)) {
        throw new ValidationError('input.material.contentHash', 'this document is already on the case');
      }
      next = { ...next, materials: [...c.materials, request.material] };
      note = `${request.material.kind}: ${request.material.title}`;
      break;
    }
    case 'recordHardship':
      next = { ...next, hardship: request.hardship };
      note = `${request.hardship.type}: ${request.hardship.requests.join(', ')}`;
      break;
    case 'scheduleSession':
      if (c.sessions.length >= 50) throw new ValidationError('input', 'a case holds at most 50 sessions');
      next = { ...next, sessions: [...c.sessions, request.session], ...answered(c, now) };
      note = `${request.session.mode} at ${request.session.scheduledAt.toISOString()}`;
      break;
    case 'recordMinutes': {
      const session = c.sessions.find((s) => s.id === request.sessionId);
      if (!session) throw new DomainError('NOT_FOUND', 'No such session on this case', { field: 'input.sessionId' });
      if (session.minutes !== null) throw new DomainError('CONFLICT', 'The minutes of this session are already recorded; they are not rewritten.', { field: 'input.sessionId' });
      if (request.heldAt.getTime() > now.getTime()) throw new ValidationError('input.heldAt', 'lies in the future');
      const minutes = requiredText('input.minutes', request.minutes, 20_000);
      next = { ...next, sessions: c.sessions.map((s) => (s === session ? { ...s, minutes, heldAt: request.heldAt, recordedBy: actorId } : s)) };
      note = `minutes of the ${session.mode} session`;
      break;
    }
    case 'propose': {
      const hours = request.replyWithinHours ?? MEDIATION_CLOCK_POLICY.proposalReplyHours;
      if (!Number.isInteger(hours) || hours < MEDIATION_CLOCK_POLICY.proposalReplyMinHours || hours > MEDIATION_CLOCK_POLICY.proposalReplyMaxHours) {
        throw new ValidationError(
          'input.replyWithinHours',
          `must be a whole number of hours from ${MEDIATION_CLOCK_POLICY.proposalReplyMinHours} to ${MEDIATION_CLOCK_POLICY.proposalReplyMaxHours}`,
        );
      }
      const summary = requiredText('input.summary', request.summary, 4_000);
      const round = c.proposals.length + 1;
      next = {
        ...next,
        proposals: [...c.proposals, { round, proposedBy: actorId, proposedAt: now, summary, terms: request.terms, replyDueAt: hoursAfter(now, hours), comments: [], answer: null }],
        status: 'PROPOSAL_PENDING',
        ...answered(c, now),
      };
      note = `round ${round}: ${summary}`;
      break;
    }
    case 'comment': {
      const pending = checkRound(c, request.round);
      const text = requiredText('input.comment', request.text, 4_000);
      if (pending.comments.length >= 100) throw new ValidationError('input.comment', 'a round holds at most 100 comments');
      next = { ...next, proposals: c.proposals.map((p) => (p === pending ? { ...p, comments: [...p.comments, { by: actorId, at: now, text }] } : p)) };
      note = `round ${pending.round}: ${text}`;
      break;
    }
    case 'acceptProposal': {
      const pending = checkRound(c, request.round);
      const comment = optionalText('input.comment', request.comment, 4_000);
      const agreement: Agreement = { id: request.agreementId, round: pending.round, agreedAt: now, terms: pending.terms.map((t) => ({ ...t, carriedOut: null })) };
      next = {
        ...next,
        proposals: c.proposals.map((p) => (p === pending ? { ...p, answer: { kind: 'ACCEPTED' as const, by: actorId, at: now, reason: comment } } : p)),
        agreement,
        status: 'AGREED',
        outcome: { kind: 'AGREEMENT', summary: pending.summary, at: now },
      };
      note = `round ${pending.round} accepted${comment ? `: ${comment}` : ''}`;
      break;
    }
    case 'rejectProposal': {
      const pending = checkRound(c, request.round);
      const reason = requiredText('input.reason', request.reason, 4_000);
      next = {
        ...next,
        proposals: c.proposals.map((p) => (p === pending ? { ...p, answer: { kind: 'REJECTED' as const, by: actorId, at: now, reason } } : p)),
        status: 'IN_MEDIATION',
      };
      note = `round ${pending.round} rejected: ${reason}`;
      break;
    }
    case 'carryOutTerm': {
      const agreement = c.agreement!;
      const term = agreement.terms[request.termIndex];
      if (!term) throw new ValidationError('input.termIndex', `must be from 0 to ${agreement.terms.length - 1}`);
      if (term.carriedOut) throw new DomainError('CONFLICT', `Term ${request.termIndex} was already carried out.`, { field: 'input.termIndex' });
      const terms = agreement.terms.map((t, i) =>
        i === request.termIndex ? { ...t, carriedOut: { at: now, by: actorId, note: optionalText('input.note', request.note, 2_000) } } : t,
      );
      next = { ...next, agreement: { ...agreement, terms }, status: terms.every((t) => t.carriedOut) ? 'CARRIED_OUT' : 'AGREED' };
      note = `term ${request.termIndex} (${term.kind}) carried out`;
      break;
    }
    case 'fail': {
      const reason = requiredText('input.reason', request.reason, 4_000);
      const pending = pendingProposal(c);
      next = {
        ...next,
        proposals: c.proposals.map((p) => (p === pending ? { ...p, answer: { kind: 'WITHDRAWN' as const, by: actorId, at: now, reason: 'mediation failed' } } : p)),
        status: 'FAILED',
        outcome: { kind: 'FAILURE', summary: `${reason}\n${externalRoutes(c.locale)}`, at: now },
      };
      note = reason;
      break;
    }
    case 'withdraw': {
      const reason = optionalText('input.reason', request.reason, 2_000);
      const pending = pendingProposal(c);
      next = {
        ...next,
        proposals: c.proposals.map((p) => (p === pending ? { ...p, answer: { kind: 'WITHDRAWN' as const, by: actorId, at: now, reason: 'the case was withdrawn' } } : p)),
        status: 'WITHDRAWN',
        outcome: { kind: 'WITHDRAWN', summary: reason ?? 'The borrower withdrew the case.', at: now },
      };
      note = reason;
      break;
    }
    case 'resume': {
      next = {
        ...next,
        supersededAgreements: c.agreement ? [...c.supersededAgreements, c.agreement] : c.supersededAgreements,
        agreement: null,
        outcome: null,
        resumedByAppeals: [...c.resumedByAppeals, { appealId: request.appealId, at: now, reasons: request.reasons }],
        status: currentAssignment(c) ? 'IN_MEDIATION' : 'AWAITING_MEDIATOR',
        caseDueAt: hoursAfter(now, MEDIATION_CLOCK_POLICY.caseDays * 24),
      };
      note = `resumed by appeal ${request.appealId}: ${request.reasons}`;
      break;
    }
  }
  const step: CaseStep = { at: now, action: request.action, fromStatus: c.status, toStatus: next.status, actorId, note };
  return { case: { ...next, timeline: [...c.timeline, step] }, step };
}
