import { randomUUID } from 'node:crypto';
import { optionalText, requiredText, ValidationError } from '@redress/domain-kit';
import type { Complaint, ComplaintStep } from './complaint';
import { nextStatus, type ComplaintAction } from './complaint-lifecycle';

/** The lifecycle steps the graph offers so far; the rest of the lifecycle follows (issue 3). */
export type TransitionRequest =
  | { action: 'accept' }
  | { action: 'decline'; reason: string }
  | { action: 'assign'; handlerId: string; team?: string | null }
  | { action: 'startInvestigation' }
  | { action: 'withdraw'; reason?: string | null };

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
      note = optionalText('input.reason', request.reason, 1_000);
      break;
    case 'accept':
    case 'startInvestigation':
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
