import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ComplaintFiledV1 } from '@redress/contracts';
import { withTenant } from '@redress/database';
import type { OutboxWriter } from '@redress/events';
import type { Complaint } from '../../domain/complaint';
import { validateIntake } from '../../domain/complaint-intake';
import { formatReference, referenceDay } from '../../domain/reference-number';
import { initialDeadlines } from '../../domain/regulatory-clock';
import { complaintRepository } from '../../infrastructure/complaint.repository';
import type { FileComplaintCommand } from './file-complaint.command';

/**
 * Records a complaint and its `ComplaintFiled` event in one transaction. Input is checked before
 * the transaction starts, so bad input stores nothing and publishes nothing.
 */
export class FileComplaintHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(command: FileComplaintCommand): Promise<Complaint> {
    const receivedAt = this.now();
    const intake = validateIntake(command.input, receivedAt);
    return withTenant(this.dataSource, command.tenantId, async (manager) => {
      const sequence = await complaintRepository.nextReferenceSequence(manager, command.tenantId, referenceDay(receivedAt));
      const complaint: Complaint = {
        id: randomUUID(),
        tenantId: command.tenantId,
        reference: formatReference(receivedAt, sequence),
        status: 'RECEIVED',
        ...intake,
        receivedAt,
        ...initialDeadlines(receivedAt),
        handlerId: null,
        team: null,
        declineReason: null,
        reviewConclusion: null,
        resolution: null,
        followUp: null,
        version: 1,
      };
      await complaintRepository.insert(manager, complaint);
      await complaintRepository.addStep(manager, {
        id: randomUUID(),
        tenantId: complaint.tenantId,
        complaintId: complaint.id,
        at: receivedAt,
        action: 'file',
        fromStatus: null,
        toStatus: complaint.status,
        actorId: command.actorId,
        note: null,
      });
      await this.outbox.append(
        manager,
        ComplaintFiledV1,
        {
          complaintId: complaint.id,
          reference: complaint.reference,
          channel: complaint.channel,
          productName: complaint.productName,
          receivedAt: complaint.receivedAt.toISOString(),
          firstReplyDueAt: complaint.firstReplyDueAt.toISOString(),
          decisionDueAt: complaint.decisionDueAt.toISOString(),
          locale: complaint.complainant.locale,
        },
        { tenantId: command.tenantId, aggregateId: complaint.id, correlationId: command.correlationId },
      );
      return complaint;
    });
  }
}
