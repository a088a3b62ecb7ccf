import type { DataSource } from 'typeorm';
import { MediationClockAlertV1 } from '@redress/contracts';
import { withTenant } from '@redress/database';
import type { OutboxWriter } from '@redress/events';
import type { Logger } from '@redress/logger';
import { DueAlertScheduler, type DueAlertSchedulerOptions } from '@redress/service-kit';
import { MEDIATION_CLOCK_POLICY } from '../../domain/case-policy';
import { currentAssignment } from '../../domain/mediation-case';
import { caseRepository } from '../../infrastructure/case.repository';

interface DueAlert {
  tenant_id: string;
  case_id: string;
  clock: 'ACCEPTANCE_REVIEW' | 'PROPOSAL_REPLY' | 'CASE' | 'SPECIALIST_REPLY';
  alert: 'WARNING' | 'BREACH';
  due_at: Date;
}

export type ClockAlertSchedulerOptions = DueAlertSchedulerOptions;

/**
 * Raises a warning before each mediation clock falls due and an escalation once it has passed
 * (acceptance review, a proposal's reply, a negotiation's specialist reply, the whole case). The
 * alert row, the breach on the case's timeline and the event commit together, so a restart or a
 * second instance never raises one twice and none is skipped.
 */
export class MediationClockAlertScheduler extends DueAlertScheduler<DueAlert> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    logger: Logger,
    options: ClockAlertSchedulerOptions,
  ) {
    super(logger, options, 'mediation clock');
  }

  protected findDue(now: Date, limit: number): Promise<DueAlert[]> {
    return this.dataSource.query('SELECT * FROM mediation.due_clock_alerts($1, make_interval(hours => $2), $3)', [
      now,
      MEDIATION_CLOCK_POLICY.warningBeforeHours,
      limit,
    ]);
  }

  protected async raise(alert: DueAlert, now: Date): Promise<boolean> {
    return withTenant(this.dataSource, alert.tenant_id, async (manager) => {
      const claimed: unknown[] = await manager.query(
        `INSERT INTO mediation.clock_alerts (tenant_id, case_id, clock, alert, due_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING 1`,
        [alert.tenant_id, alert.case_id, alert.clock, alert.alert, alert.due_at],
      );
      if (claimed.length === 0) return false;
      const [c] = await caseRepository.findByIds(manager, alert.tenant_id, [alert.case_id], true);
      if (!c) return false;
      const dueAt = new Date(alert.due_at);
      if (alert.alert === 'BREACH') {
        // "No answer" is a breach on the record, not a state: the case stays where it is.
        const breached = {
          ...c,
          version: c.version + 1,
          timeline: [...c.timeline, { at: now, action: 'clockBreached', fromStatus: c.status, toStatus: c.status, actorId: 'system:clock', note: `${alert.clock} due ${dueAt.toISOString()}` }],
        };
        await caseRepository.update(manager, breached, c.version);
      }
      await this.outbox.append(
        manager,
        MediationClockAlertV1,
        {
          caseId: c.id,
          reference: c.reference,
          clock: alert.clock,
          alert: alert.alert,
          dueAt: dueAt.toISOString(),
          mediatorId: currentAssignment(c)?.mediatorId ?? null,
          status: c.status,
        },
        { tenantId: alert.tenant_id, aggregateId: c.id, correlationId: `clock-alert:${alert.clock}:${alert.alert}` },
      );
      this.logger.info({ caseId: c.id, clock: alert.clock, alert: alert.alert }, 'mediation clock alert raised');
      return true;
    });
  }
}
