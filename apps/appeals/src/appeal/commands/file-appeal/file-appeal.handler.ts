import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppealFiledV1 } from '@redress/contracts';
import { withTenant } from '@redress/database';
import { DomainError, isUuid, ValidationError } from '@redress/domain-kit';
import type { OutboxWriter } from '@redress/events';
import { isSerious, validateAppealIntake, type Appeal, type AppealIntakeInput } from '../../domain/appeal';
import { appealDecisionDueAt, assertWithinWindow } from '../../domain/appeal-window';
import { localDay } from '../../domain/tenant-calendar';
import { appealRepository } from '../../infrastructure/appeal.repository';
import { decisionRepository } from '../../../decision/infrastructure/decision.repository';
import { policyRepository } from '../../../policy/infrastructure/policy.repository';
import { relatedMatterRepository } from '../../../related-matter/infrastructure/related-matter.repository';
import type { AppealCommandContext } from '../appeal-command';

export interface FileAppealCommand extends AppealCommandContext {
  input: AppealIntakeInput;
}

/**
 * Files a borrower's appeal against a decision: within the window (tenant's days), one open appeal
 * per decision, only the borrower's own decision. The appeal, its first timeline step and
 * `AppealFiled` commit together; a refusal stores and publishes nothing.
 */
export class FileAppealHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(command: FileAppealCommand): Promise<Appeal> {
    const intake = validateAppealIntake(command.input);
    if (!isUuid(command.input.decisionId)) throw new ValidationError('input.decisionId', 'is not a decision id');
    return withTenant(this.dataSource, command.tenantId, async (manager) => {
      const [decision] = await decisionRepository.findByIds(manager, command.tenantId, [command.input.decisionId]);
      // Another borrower's decision looks exactly like a missing one.
      if (!decision || (command.borrowerScope && decision.borrowerId !== command.borrowerScope.borrowerId)) {
        throw new DomainError('NOT_FOUND', 'No such decision to appeal', { field: 'input.decisionId' });
      }
      const policy = await policyRepository.get(manager, command.tenantId);
      const filedAt = this.now();
      assertWithinWindow(decision.receivedAt, filedAt, policy.windowDays, policy.timeZone, decision.announcedWindow);
      const open = await appealRepository.findOpenByDecision(manager, command.tenantId, decision.id);
      if (open) throw secondAppeal(open);
      const day = localDay(filedAt, policy.timeZone).replaceAll('-', '');
      const sequence = await appealRepository.nextReferenceSequence(manager, command.tenantId, day);
      const appeal: Appeal = {
        tenantId: command.tenantId,
        id: randomUUID(),
        reference: `SS${day}-${String(sequence).padStart(6, '0')}`,
        decisionId: decision.id,
        kind: decision.kind,
        subjectId: decision.subjectId,
        sourceDecisionId: decision.sourceDecisionId,
        complaintId: decision.complaintId,
        borrowerId: decision.borrowerId,
        locale: decision.locale,
        status: 'FILED',
        serious: isSerious(decision, policy),
        ...intake,
        productName: decision.productName,
        filedAt,
        filedBy: command.actorId,
        decisionDueAt: appealDecisionDueAt(filedAt, policy.decisionDays, policy.timeZone),
        reviewerId: null,
        committee: [],
        outcome: null,
        outcomeReasons: null,
        decidedBy: null,
        decidedAt: null,
        withdrawnReason: null,
        version: 1,
      };
      if (!(await appealRepository.insertIfNoOpenAppeal(manager, appeal))) {
        const winner = await appealRepository.findOpenByDecision(manager, command.tenantId, decision.id);
        throw secondAppeal(winner ?? appeal);
      }
      await appealRepository.addStep(manager, {
        id: randomUUID(),
        tenantId: command.tenantId,
        appealId: appeal.id,
        at: filedAt,
        action: 'FILE',
        fromStatus: null,
        toStatus: 'FILED',
        actorId: command.actorId,
        note: appeal.serious ? 'serious: goes to the review committee' : null,
      });
      if (appeal.productName) {
        await relatedMatterRepository.noteCase(manager, command.tenantId, {
          caseType: 'APPEAL',
          caseId: appeal.id,
          borrowerId: appeal.borrowerId,
          productName: appeal.productName,
          issue: appeal.feeType ?? appeal.topic,
          occurredAt: filedAt,
        });
      }
      await this.outbox.append(
        manager,
        AppealFiledV1,
        {
          appealId: appeal.id,
          reference: appeal.reference,
          target: { kind: appeal.kind, subjectId: appeal.subjectId, decisionId: appeal.sourceDecisionId },
          complaintId: appeal.complaintId,
          borrowerId: appeal.borrowerId,
          serious: appeal.serious,
          filedAt: filedAt.toISOString(),
          decisionDueAt: appeal.decisionDueAt.toISOString(),
          locale: appeal.locale,
        },
        { tenantId: command.tenantId, aggregateId: appeal.id, correlationId: command.correlationId },
      );
      return appeal;
    });
  }
}

function secondAppeal(open: Pick<Appeal, 'id' | 'reference' | 'status'>): DomainError {
  return new DomainError('CONFLICT', `The decision already has an open appeal, ${open.reference} (${open.status}); a second one is not filed while it is open.`, {
    field: 'input.decisionId',
    openAppealId: open.id,
    openAppealStatus: open.status,
  });
}
