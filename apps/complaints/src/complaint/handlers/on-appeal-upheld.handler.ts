import { AppealUpheldV1 } from '@redress/contracts';
import { DomainError } from '@redress/domain-kit';
import { eventHandler } from '@redress/events';
import type { Logger } from '@redress/logger';
import type { TransitionComplaintHandler } from '../commands/transition-complaint/transition-complaint.handler';
import { caseFileRepository } from '../infrastructure/case-file.repository';

/**
 * An appeal against a complaint decision was upheld: the complaint is reopened for a fresh
 * decision, exactly once per appeal — the inbox drops a redelivered event, and the appeal's claim
 * row drops a second event for the same appeal. A complaint that cannot be reopened (archived, or
 * already back in investigation) is logged, not retried: the appeal stands on the appeals side.
 */
export function onAppealUpheld(transition: TransitionComplaintHandler, logger: Logger) {
  return eventHandler(AppealUpheldV1, async (event, manager) => {
    const p = event.payload;
    if (p.target.kind !== 'COMPLAINT_DECISION') return;
    if (!(await caseFileRepository.claimAppealReopening(manager, event.tenantId, p.appealId, p.target.subjectId))) return;
    try {
      await transition.executeIn(manager, {
        tenantId: event.tenantId,
        actorId: `appeal:${p.reference}`,
        roles: ['system'],
        correlationId: event.correlationId,
        complaintId: p.target.subjectId,
        expectedVersion: null,
        request: { action: 'reopen', reason: `申诉 ${p.reference} 成立：${p.reasons}`.slice(0, 1_000) },
      });
    } catch (error) {
      if (error instanceof DomainError && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND')) {
        logger.warn({ appealId: p.appealId, complaintId: p.target.subjectId, err: error }, 'upheld appeal could not reopen the complaint');
        return;
      }
      throw error;
    }
  });
}
