import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppealDismissedV1, AppealUpheldV1 } from '@redress/contracts';
import { withTenant } from '@redress/database';
import { DomainError } from '@redress/domain-kit';
import type { OutboxWriter } from '@redress/events';
import { decide, type Appeal, type AppealOutcome } from '../../domain/appeal';
import { appealRepository } from '../../infrastructure/appeal.repository';
import type { AppealCommandContext } from '../appeal-command';

export interface DecideAppealCommand extends AppealCommandContext {
  appealId: string;
  outcome: AppealOutcome;
  reasons: string;
  expectedVersion: number | null;
}

/**
 * Records the outcome of an appeal and tells the owning service: `AppealUpheld` (complaints reopens,
 * refunds re-reviews, mediation resumes) or `AppealDismissed` (the borrower is told why, and of the
 * external routes). The outcome can be recorded once: a retried command from the same decider
 * finds it recorded and returns it without a second event; anyone else gets a CONFLICT.
 */
export class DecideAppealHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(command: DecideAppealCommand): Promise<Appeal> {
    return withTenant(this.dataSource, command.tenantId, async (manager) => {
      const [current] = await appealRepository.findByIds(manager, command.tenantId, [command.appealId]);
      if (!current) throw new DomainError('NOT_FOUND', 'No such appeal', { field: 'input.appealId' });
      if (current.outcome === command.outcome && current.decidedBy === command.actorId) return current;
      if (command.expectedVersion !== null && command.expectedVersion !== current.version) {
        throw new DomainError('CONFLICT', `The appeal is at version ${current.version} (${current.status}), not ${command.expectedVersion}; reload it.`, {
          field: 'input.expectedVersion',
          currentVersion: current.version,
          currentStatus: current.status,
        });
      }
      const at = this.now();
      const decided = decide(current, command.actorId, command.outcome, command.reasons, at);
      if (!(await appealRepository.updateIfUnchanged(manager, decided, current.version))) {
        throw new DomainError('CONFLICT', 'The appeal was changed by someone else at the same time; reload it and try again.', { field: 'input.appealId' });
      }
      await appealRepository.addStep(manager, {
        id: randomUUID(),
        tenantId: command.tenantId,
        appealId: decided.id,
        at,
        action: command.outcome === 'UPHELD' ? 'UPHOLD' : 'DISMISS',
        fromStatus: current.status,
        toStatus: decided.status,
        actorId: command.actorId,
        note: decided.outcomeReasons,
      });
      const payload = {
        appealId: decided.id,
        reference: decided.reference,
        target: { kind: decided.kind, subjectId: decided.subjectId, decisionId: decided.sourceDecisionId },
        borrowerId: decided.borrowerId,
        reasons: decided.outcomeReasons!,
        decidedAt: at.toISOString(),
        locale: decided.locale,
      };
      const meta = { tenantId: command.tenantId, aggregateId: decided.id, correlationId: command.correlationId };
      if (command.outcome === 'UPHELD') await this.outbox.append(manager, AppealUpheldV1, payload, meta);
      else await this.outbox.append(manager, AppealDismissedV1, payload, meta);
      return decided;
    });
  }
}
