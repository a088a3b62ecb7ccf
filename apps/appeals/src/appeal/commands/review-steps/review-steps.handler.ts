import type { DataSource } from 'typeorm';
import { AppealCommitteeVoteCastV1, AppealReferredToCommitteeV1, AppealReviewerAssignedV1, AppealWithdrawnV1 } from '@redress/contracts';
import type { OutboxWriter } from '@redress/events';
import { assignReviewer, castVote, referToCommittee, withdraw, type Appeal, type Vote } from '../../domain/appeal';
import { appealRepository } from '../../infrastructure/appeal.repository';
import { runAppealStep, type AppealStepCommand } from './appeal-step.runner';

/** The review steps between filing and the outcome: reviewer, committee, votes, withdrawal. */
export class AppealReviewStepsHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private meta(command: AppealStepCommand, appeal: Appeal) {
    return { tenantId: command.tenantId, aggregateId: appeal.id, correlationId: command.correlationId };
  }

  /** An independent reviewer: none of the original handler, approvers, reviewers or mediators. */
  assignReviewer(command: AppealStepCommand & { reviewerId: string }): Promise<Appeal> {
    return runAppealStep(this.dataSource, command, this.now(), (appeal, decision) => ({
      next: assignReviewer(appeal, decision, command.reviewerId),
      action: 'ASSIGN_REVIEWER',
      note: command.reviewerId,
      persist: async (manager, next, at) => {
        await this.outbox.append(
          manager,
          AppealReviewerAssignedV1,
          { appealId: next.id, reference: next.reference, reviewerId: next.reviewerId!, assignedAt: at.toISOString() },
          this.meta(command, next),
        );
      },
    }));
  }

  referToCommittee(command: AppealStepCommand & { memberIds: string[]; chairId: string }): Promise<Appeal> {
    return runAppealStep(this.dataSource, command, this.now(), (appeal, decision, policy) => ({
      next: referToCommittee(appeal, decision, command.memberIds, command.chairId, policy.committeeMinMembers),
      action: 'REFER_TO_COMMITTEE',
      note: `chair ${command.chairId}`,
      persist: async (manager, next, at) => {
        await appealRepository.seatCommittee(manager, next);
        await this.outbox.append(
          manager,
          AppealReferredToCommitteeV1,
          {
            appealId: next.id,
            reference: next.reference,
            memberIds: next.committee.map((s) => s.memberId),
            chairId: next.committee.find((s) => s.isChair)!.memberId,
            referredAt: at.toISOString(),
          },
          this.meta(command, next),
        );
      },
    }));
  }

  castVote(command: AppealStepCommand & { vote: Vote; opinion: string | null }): Promise<Appeal> {
    const at = this.now();
    return runAppealStep(this.dataSource, command, at, (appeal) => ({
      next: castVote(appeal, command.actorId, command.vote, command.opinion, at),
      action: 'VOTE',
      note: command.vote,
      persist: async (manager, next) => {
        await appealRepository.recordVote(manager, next, next.committee.find((s) => s.memberId === command.actorId)!);
        await this.outbox.append(
          manager,
          AppealCommitteeVoteCastV1,
          { appealId: next.id, reference: next.reference, memberId: command.actorId, vote: command.vote, castAt: at.toISOString() },
          this.meta(command, next),
        );
      },
    }));
  }

  withdraw(command: AppealStepCommand & { reason: string | null }): Promise<Appeal> {
    return runAppealStep(this.dataSource, command, this.now(), (appeal) => {
      const next = withdraw(appeal, command.reason);
      return {
        next,
        action: 'WITHDRAW',
        note: next.withdrawnReason,
        persist: async (manager, saved, at) => {
          await this.outbox.append(
            manager,
            AppealWithdrawnV1,
            { appealId: saved.id, reference: saved.reference, borrowerId: saved.borrowerId, reason: saved.withdrawnReason, withdrawnAt: at.toISOString(), locale: saved.locale },
            this.meta(command, saved),
          );
        },
      };
    });
  }
}
