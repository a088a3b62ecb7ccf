import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AppealableDecisionRecordedV1, type EventEnvelope } from '@redress/contracts';
import type { OutboxWriter } from '@redress/events';
import { appealWindow } from '../../appeal/domain/appeal-window';
import { policyRepository } from '../../policy/infrastructure/policy.repository';
import { relatedMatterRepository } from '../../related-matter/infrastructure/related-matter.repository';
import type { AppealableDecision } from '../domain/appealable-decision';
import { decisionRepository } from '../infrastructure/decision.repository';

/**
 * Records a decision learnt from an event, once: the same decision delivered twice (even as two
 * different events) is one appealable decision, and announces its window once.
 */
export async function recordDecision(
  manager: EntityManager,
  outbox: OutboxWriter,
  event: EventEnvelope<unknown>,
  decision: Omit<AppealableDecision, 'id' | 'tenantId' | 'learntAt' | 'announcedWindow'>,
  issues: string[],
): Promise<boolean> {
  const policy = await policyRepository.get(manager, event.tenantId);
  const window = appealWindow(decision.receivedAt, policy.windowDays, policy.timeZone);
  const d: AppealableDecision = {
    ...decision,
    id: randomUUID(),
    tenantId: event.tenantId,
    learntAt: new Date(),
    announcedWindow: { lastDay: window.lastDay, closesAt: window.closesAt },
  };
  if (!(await decisionRepository.insertOnce(manager, d))) return false;
  if (d.productName) {
    for (const issue of new Set(issues)) {
      await relatedMatterRepository.noteCase(manager, event.tenantId, {
        caseType: 'COMPLAINT',
        caseId: d.complaintId ?? d.subjectId,
        borrowerId: d.borrowerId,
        productName: d.productName,
        issue,
        occurredAt: d.receivedAt,
      });
    }
  }
  await outbox.append(
    manager,
    AppealableDecisionRecordedV1,
    {
      decisionId: d.id,
      kind: d.kind,
      subjectId: d.subjectId,
      subjectReference: d.subjectReference,
      complaintId: d.complaintId,
      borrowerId: d.borrowerId,
      receivedAt: d.receivedAt.toISOString(),
      windowClosesAt: window.closesAt.toISOString(),
      locale: d.locale,
    },
    { tenantId: event.tenantId, aggregateId: d.id, correlationId: event.correlationId, causationId: event.id },
  );
  return true;
}
