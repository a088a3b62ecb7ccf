import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { withTenant } from '@redress/database';
import type { Complaint } from '../../domain/complaint';
import { matterOf, validateIntake } from '../../domain/complaint-intake';
import { applyTransition } from '../../domain/complaint-transition';
import { REGULATORY_CLOCK_POLICY } from '../../domain/clock-policy';
import { readClock, startClock, stopClock } from '../../domain/deadline-clock';
import { formatReference, referenceDay } from '../../domain/reference-number';
import { initialDeadlines } from '../../domain/regulatory-clock';
import type { ComplaintEvents } from '../../events/complaint-events';
import { caseFileRepository } from '../../infrastructure/case-file.repository';
import type { ComplaintRepository } from '../../infrastructure/complaint.repository';
import type { FileComplaintCommand, FileComplaintResult } from './file-complaint.command';

/**
 * Records a complaint and its events in one transaction. Input is checked before the transaction
 * starts, so bad input stores nothing and publishes nothing.
 *
 * A repeat on the same matter (same complainant, loan and topic) while a complaint is open is not
 * duplicated (DOMAIN.md): it is recorded as MERGED into the open one, its evidence joins that case,
 * and the open case's timeline says so. Intake of one matter is serialised, so two repeats filed at
 * the same moment cannot both open a case.
 */
export class FileComplaintHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly complaints: ComplaintRepository,
    private readonly events: ComplaintEvents,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(command: FileComplaintCommand): Promise<FileComplaintResult> {
    const receivedAt = this.now();
    const { evidence, ...intake } = validateIntake(command.input, receivedAt);
    const borrowerId = command.callerBorrowerId ?? intake.borrowerId;
    const matter = matterOf(intake);
    return withTenant(this.dataSource, command.tenantId, async (manager) => {
      const settings = await caseFileRepository.tenantSettings(manager, command.tenantId);
      const clockPolicy = settings?.clockPolicy ?? REGULATORY_CLOCK_POLICY;
      await this.complaints.lockMatter(manager, command.tenantId, matter);
      const open = await this.complaints.findOpenOnMatter(manager, command.tenantId, matter);
      const sequence = await this.complaints.nextReferenceSequence(manager, command.tenantId, referenceDay(receivedAt));
      const id = randomUUID();
      let complaint: Complaint = {
        id,
        tenantId: command.tenantId,
        reference: formatReference(receivedAt, sequence, settings?.code ?? null),
        status: open ? 'MERGED' : 'RECEIVED',
        ...intake,
        borrowerId,
        receivedAt,
        ...initialDeadlines(receivedAt, clockPolicy),
        decisionClock: startClock('DECISION', receivedAt),
        clockPolicy,
        handlerId: null,
        team: null,
        declineReason: null,
        reviewConclusion: null,
        resolution: null,
        followUp: null,
        mergedInto: open?.id ?? null,
        version: 1,
      };
      if (open) {
        // The repeat's own clocks end at once: the open case's clocks carry the matter.
        complaint = { ...complaint, decisionClock: stopClock(complaint.decisionClock, receivedAt) };
        complaint = { ...complaint, decisionDueAt: readClock(complaint.decisionClock, clockPolicy, receivedAt).dueAt };
      }
      await this.complaints.insert(manager, complaint, open ? null : matter);
      await this.complaints.addStep(manager, {
        id: randomUUID(),
        tenantId: complaint.tenantId,
        complaintId: complaint.id,
        at: receivedAt,
        action: 'file',
        fromStatus: null,
        toStatus: complaint.status,
        actorId: command.actorId,
        note: open ? `重复投诉，并入 ${open.reference}` : null,
      });
      await caseFileRepository.audit(manager, {
        tenantId: command.tenantId,
        actorId: command.actorId,
        roles: command.roles,
        action: 'step:file',
        complaintId: complaint.id,
        detail: { status: complaint.status, mergedInto: open?.id ?? null },
      });
      const caseId = open?.id ?? complaint.id;
      await this.complaints.addEvidence(manager, command.tenantId, caseId, evidence, command.actorId, receivedAt, evidence.map(() => randomUUID()));

      if (!open) {
        await this.events.filed(manager, complaint, command.correlationId);
        await this.events.contactChanged(manager, complaint, command.correlationId);
        if (complaint.regulatorReferral) await this.events.regulatorReferral(manager, complaint, complaint.regulatorReferral, false, command.correlationId);
        return { complaint, mergedInto: null };
      }

      const merged = applyTransition(open, { action: 'mergeRepeat', repeatReference: complaint.reference }, command.actorId, receivedAt);
      if (!(await this.complaints.updateIfUnchanged(manager, merged.complaint, open.version))) {
        throw new Error(`Complaint ${open.id} changed while locked for a merge`);
      }
      await this.complaints.addStep(manager, merged.step);
      await this.events.stepTaken(manager, merged.complaint, merged.step, command.correlationId);
      if (complaint.regulatorReferral) await this.events.regulatorReferral(manager, merged.complaint, complaint.regulatorReferral, true, command.correlationId);
      return { complaint, mergedInto: merged.complaint };
    });
  }
}
