import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ComplaintResolutionAcceptedPayload, EventEnvelope } from '@redress/contracts';
import type { OutboxWriter } from '@redress/events';
import { openByReferral } from '../../domain/open-case';
import { formatReference, referenceDay } from '../../domain/reference-number';
import { caseRepository } from '../../infrastructure/case.repository';
import { publishOpened } from '../case-events';

/**
 * The case id of a referral is derived from (tenant, decision, remedy index), so the same referral
 * always names the same case, whichever instance handles it and however often it arrives.
 */
export function referralCaseId(tenantId: string, decisionId: string, remedyIndex: number): string {
  const h = createHash('sha256').update(`mediation-referral:${tenantId}:${decisionId}:${remedyIndex}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/**
 * Opens one case per MEDIATION_REFERRAL remedy of an accepted complaint resolution. Runs in the
 * consumer's transaction, next to the inbox row; the unique (decision, remedy index) key makes a
 * second delivery under another event id a no-op too. Returns the ids of the cases it opened.
 */
export async function openReferredCases(
  manager: EntityManager,
  outbox: OutboxWriter,
  event: EventEnvelope<ComplaintResolutionAcceptedPayload>,
  now: Date,
): Promise<string[]> {
  const p = event.payload;
  const opened: string[] = [];
  for (const [remedyIndex, remedy] of p.remedies.entries()) {
    if (remedy.type !== 'MEDIATION_REFERRAL') continue;
    const id = referralCaseId(event.tenantId, p.decisionId, remedyIndex);
    const [existing] = await caseRepository.findByIds(manager, event.tenantId, [id]);
    if (existing) continue;
    const sequence = await caseRepository.nextReferenceSequence(manager, event.tenantId, `TJ${referenceDay(now)}`);
    const c = openByReferral(
      { id, tenantId: event.tenantId, reference: formatReference('MEDIATION', now, sequence), actorId: `complaints:${p.complaintId}`, now, materialIds: [] },
      {
        complaintId: p.complaintId,
        complaintReference: p.reference,
        decisionId: p.decisionId,
        remedyIndex,
        remedyDescription: remedy.description,
        decisionReasons: p.reasons,
        borrowerId: p.borrowerId,
        productName: p.productName,
        contractNumber: p.contractNumber,
        handlerId: p.handlerId,
        reviewerIds: p.reviewerIds,
        locale: p.locale,
      },
    );
    if (await caseRepository.insert(manager, c)) {
      await publishOpened(outbox, manager, c, { correlationId: event.correlationId, causationId: event.id });
      opened.push(id);
    }
  }
  return opened;
}
