import { randomUUID } from 'node:crypto';
import { oneOf, optionalText, parseMoney, requiredText, ValidationError, type Money } from '@redress/domain-kit';
import { OUTCOMES, REMEDY_TYPES, type Complaint, type ComplaintStep, type Resolution } from './complaint';
import { nextStatus, type ComplaintAction } from './complaint-lifecycle';

export interface ResolutionInput {
  outcome: string;
  reasons: string;
  remedies: { type: string; amount?: Money | null; description?: string | null }[];
  accountability?: string | null;
}

/** The lifecycle steps the graph offers; merging a repeat complaint follows (issue 3). */
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
  | { action: 'withdraw'; reason?: string | null };

const OUTCOME_NOTE = { UPHELD: '支持', PARTLY_UPHELD: '部分支持', NOT_UPHELD: '不支持' } as const;

function validResolution(input: ResolutionInput): Resolution {
  const outcome = oneOf('input.outcome', input.outcome, OUTCOMES);
  const reasons = requiredText('input.reasons', input.reasons, 5_000);
  if (input.remedies.length > 10) throw new ValidationError('input.remedies', 'lists more than 10 remedies');
  if (outcome !== 'NOT_UPHELD' && input.remedies.length === 0) {
    throw new ValidationError('input.remedies', 'must name at least one remedy when the complaint is upheld, even in part');
  }
  const remedies = input.remedies.map((r, i) => {
    const type = oneOf(`input.remedies.${i}.type`, r.type, REMEDY_TYPES);
    const amount = r.amount ? parseMoney(`input.remedies.${i}.amount`, r.amount) : null;
    if ((type === 'COMPENSATION' || type === 'REFUND') && !amount) {
      throw new ValidationError(`input.remedies.${i}.amount`, `is required for ${type}`);
    }
    return { type, amount, description: optionalText(`input.remedies.${i}.description`, r.description, 1_000) };
  });
  return { outcome, reasons, remedies, accountability: optionalText('input.accountability', input.accountability, 2_000) };
}

export interface TransitionResult {
  complaint: Complaint;
  step: ComplaintStep;
}

/**
 * Applies one lifecycle step to a complaint: the state machine decides whether it is allowed
 * (CONFLICT otherwise), and each step checks what it carries. Pure: the caller stores the result.
 */
export function applyTransition(complaint: Complaint, request: TransitionRequest, actorId: string, now: Date): TransitionResult {
  const toStatus = nextStatus(complaint.status, request.action as ComplaintAction);
  let updated: Complaint = { ...complaint, status: toStatus };
  let note: string | null = null;
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
      const resolution = validResolution(request.resolution);
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
    case 'accept':
    case 'startInvestigation':
    case 'acceptResolution':
    case 'close':
    case 'archive':
      break;
  }
  return {
    complaint: { ...updated, version: complaint.version + 1 },
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
