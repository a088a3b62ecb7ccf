import { randomUUID } from 'node:crypto';
import { DomainError, oneOf, optionalText, parseMoney, requiredText, ValidationError, type Money } from '@redress/domain-kit';
import { needsInternalReview } from './classification';
import { OUTCOMES, REMEDY_TYPES, type Complaint, type ComplaintStep, type Resolution } from './complaint';
import { nextStatus, type ComplaintAction } from './complaint-lifecycle';
import { extendClock, pauseClock, readClock, restartClock, resumeClock, startClock, stopClock, type DeadlineClock } from './deadline-clock';

export interface ResolutionInput {
  outcome: string;
  reasons: string;
  remedies: { type: string; amount?: Money | null; feeType?: string | null; chargeReference?: string | null; description?: string | null }[];
  accountability?: string | null;
}

/** Every lifecycle step, with what it carries. */
export type TransitionRequest =
  | { action: 'accept' }
  | { action: 'decline'; reason: string }
  | { action: 'assign'; handlerId: string; team?: string | null }
  | { action: 'startInvestigation' }
  | { action: 'requestReview'; note?: string | null }
  | { action: 'completeReview'; conclusion: string }
  | { action: 'proposeResolution'; resolution: ResolutionInput }
  | { action: 'acceptResolution' }
  | { action: 'rejectResolution'; reason?: string | null }
  | { action: 'carryOut'; note?: string | null }
  | { action: 'recordFollowUp'; satisfaction: number; comment?: string | null }
  | { action: 'close' }
  | { action: 'archive' }
  | { action: 'withdraw'; reason?: string | null }
  | { action: 'merge'; intoComplaintId: string; intoReference: string }
  | { action: 'mergeRepeat'; repeatReference: string }
  | { action: 'extendDecision'; extension: 'COMPLEX' | 'FURTHER'; reason: string; approvedBy: string | null }
  | { action: 'pauseClock'; reason: string }
  | { action: 'resumeClock' }
  | { action: 'restartClock'; newFacts: string }
  | { action: 'reopen'; reason: string };

const OUTCOME_NOTE = { UPHELD: '支持', PARTLY_UPHELD: '部分支持', NOT_UPHELD: '不支持' } as const;
const EXTENSION_NOTE = { COMPLEX: '复杂案件延期', FURTHER: '特别复杂案件再延期' } as const;

function validResolution(input: ResolutionInput, now: Date): Resolution {
  const outcome = oneOf('input.outcome', input.outcome, OUTCOMES);
  const reasons = requiredText('input.reasons', input.reasons, 4_000);
  if (input.remedies.length > 10) throw new ValidationError('input.remedies', 'lists more than 10 remedies');
  if (outcome !== 'NOT_UPHELD' && input.remedies.length === 0) {
    throw new ValidationError('input.remedies', 'must name at least one remedy when the complaint is upheld, even in part');
  }
  const remedies = input.remedies.map((r, i) => {
    const f = (path: string) => `input.remedies.${i}.${path}`;
    const type = oneOf(f('type'), r.type, REMEDY_TYPES);
    const amount = r.amount ? parseMoney(f('amount'), r.amount) : null;
    if ((type === 'COMPENSATION' || type === 'REFUND') && !amount) throw new ValidationError(f('amount'), `is required for ${type}`);
    if (amount && amount.amountMinor === 0) throw new ValidationError(f('amountMinor'), 'must be more than zero');
    const feeType = optionalText(f('feeType'), r.feeType, 60);
    if (feeType && !/^[A-Z][A-Z0-9_]*$/.test(feeType)) throw new ValidationError(f('feeType'), 'must be a fee type code such as SERVICE_FEE');
    return {
      type,
      amount,
      feeType,
      chargeReference: optionalText(f('chargeReference'), r.chargeReference, 100),
      description: optionalText(f('description'), r.description, 1_000),
    };
  });
  return {
    decisionId: randomUUID(),
    issuedAt: now,
    outcome,
    reasons,
    remedies,
    accountability: optionalText('input.accountability', input.accountability, 2_000),
  };
}

export interface TransitionResult {
  complaint: Complaint;
  step: ComplaintStep;
}

/** The decision clock after a step: stopped by the decision or the end of the case, started afresh on reopening. */
function clockAfter(complaint: Complaint, request: TransitionRequest, now: Date): { clock: DeadlineClock; note: string | null } {
  const clock = complaint.decisionClock;
  switch (request.action) {
    case 'proposeResolution':
    case 'decline':
    case 'withdraw':
    case 'merge':
      return { clock: clock.stoppedAt ? clock : stopClock(clock, now), note: null };
    case 'extendDecision': {
      const reason = requiredText('input.reason', request.reason, 1_000);
      return { clock: extendClock(clock, request.extension, reason, request.approvedBy), note: `${EXTENSION_NOTE[request.extension]}：${reason}` };
    }
    case 'pauseClock': {
      const reason = requiredText('input.reason', request.reason, 1_000);
      return { clock: pauseClock(clock, now, reason), note: reason };
    }
    case 'resumeClock':
      return { clock: resumeClock(clock, now), note: null };
    case 'restartClock': {
      const newFacts = requiredText('input.newFacts', request.newFacts, 2_000);
      return { clock: restartClock(clock, now), note: newFacts };
    }
    case 'reopen':
      return { clock: startClock('DECISION', now), note: requiredText('reason', request.reason, 1_000) };
    default:
      return { clock, note: null };
  }
}

/**
 * Applies one lifecycle step to a complaint: the state machine decides whether it is allowed
 * (CONFLICT otherwise), and each step checks what it carries. Pure: the caller stores the result.
 */
export function applyTransition(complaint: Complaint, request: TransitionRequest, actorId: string, now: Date): TransitionResult {
  const toStatus = nextStatus(complaint.status, request.action as ComplaintAction);
  const { clock, note: clockNote } = clockAfter(complaint, request, now);
  let updated: Complaint = { ...complaint, status: toStatus, decisionClock: clock };
  let note: string | null = clockNote;
  switch (request.action) {
    case 'decline': {
      const reason = requiredText('input.reason', request.reason, 1_000);
      updated = { ...updated, declineReason: reason };
      note = reason;
      break;
    }
    case 'assign': {
      const handlerId = requiredText('input.handlerId', request.handlerId, 100);
      if (complaint.involvedStaff.some((s) => s.toLowerCase() === handlerId.toLowerCase())) {
        throw new ValidationError('input.handlerId', `${handlerId} is named in the complaint and must recuse; assign someone else`);
      }
      const team = optionalText('input.team', request.team, 100);
      updated = { ...updated, handlerId, team };
      note = team ? `${handlerId} (${team})` : handlerId;
      break;
    }
    case 'withdraw':
    case 'rejectResolution':
      note = optionalText('input.reason', request.reason, 1_000);
      break;
    case 'requestReview':
    case 'carryOut':
      note = optionalText('input.note', request.note, 1_000);
      break;
    case 'completeReview': {
      const conclusion = requiredText('input.conclusion', request.conclusion, 5_000);
      updated = { ...updated, reviewConclusion: conclusion };
      note = conclusion;
      break;
    }
    case 'proposeResolution': {
      if (needsInternalReview(complaint.category, complaint.severity) && !complaint.reviewConclusion) {
        throw new DomainError(
          'CONFLICT',
          `A ${complaint.severity} ${complaint.category} must pass the internal review group before the decision; request a review first.`,
          { action: 'proposeResolution', currentStatus: complaint.status },
        );
      }
      const resolution = validResolution(request.resolution, now);
      updated = { ...updated, resolution };
      note = `${OUTCOME_NOTE[resolution.outcome]}：${resolution.reasons}`.slice(0, 1_000);
      break;
    }
    case 'recordFollowUp': {
      if (!Number.isInteger(request.satisfaction) || request.satisfaction < 1 || request.satisfaction > 5) {
        throw new ValidationError('input.satisfaction', 'must be a whole number from 1 to 5');
      }
      const comment = optionalText('input.comment', request.comment, 2_000);
      updated = { ...updated, followUp: { satisfaction: request.satisfaction, comment } };
      note = `满意度 ${request.satisfaction}/5`;
      break;
    }
    case 'merge':
      if (request.intoComplaintId === complaint.id) throw new ValidationError('input.intoComplaintId', 'is this complaint itself');
      updated = { ...updated, mergedInto: request.intoComplaintId };
      note = `并入 ${request.intoReference}`;
      break;
    case 'mergeRepeat':
      note = `重复投诉 ${request.repeatReference} 已并入本案`;
      break;
    case 'reopen':
      // A reopened case is decided afresh: the old decision stays on the timeline, not on the case.
      updated = { ...updated, resolution: null, followUp: null };
      break;
    case 'accept':
    case 'startInvestigation':
    case 'acceptResolution':
    case 'close':
    case 'archive':
    case 'extendDecision':
    case 'pauseClock':
    case 'resumeClock':
    case 'restartClock':
      break;
  }
  const reading = readClock(updated.decisionClock, updated.clockPolicy, now);
  return {
    complaint: { ...updated, decisionDueAt: reading.dueAt, version: complaint.version + 1 },
    step: {
      id: randomUUID(),
      tenantId: complaint.tenantId,
      complaintId: complaint.id,
      at: now,
      action: request.action,
      fromStatus: complaint.status,
      toStatus,
      actorId,
      note,
    },
  };
}
