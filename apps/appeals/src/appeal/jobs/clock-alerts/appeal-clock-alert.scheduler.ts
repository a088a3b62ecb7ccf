import type { DataSource } from 'typeorm';
import { AppealClockAlertV1 } from '@redress/contracts';
import { withTenant } from '@redress/database';
import type { OutboxWriter } from '@redress/events';
import type { Logger } from '@redress/logger';
import { DueAlertScheduler, type DueAlertSchedulerOptions } from '@redress/service-kit';
import { appealRepository } from '../../infrastructure/appeal.repository';

interface DueAlert {
  tenant_id: string;
  appeal_id: string;
  alert: 'WARNING' | 'BREACH';
  due_at: Date;
}

export type AppealClockAlertSchedulerOptions = DueAlertSchedulerOptions;

/**
 * Warns before an appeal's decision falls due (the tenant's warning hours) and escalates once it
 * has passed. As for complaints, state lives in the database: the alert row and its event commit
 * together, so a restart or a second instance never raises one alert twice, and none is skipped.
 */
export class AppealClockAlertScheduler extends DueAlertScheduler<DueAlert> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    logger: Logger,
    options: AppealClockAlertSchedulerOptions,
  ) {
    super(logger, options, 'appeal clock');
  }

  protected findDue(now: Date, limit: number): Promise<DueAlert[]> {
    return this.dataSource.query('SELECT * FROM appeals.due_clock_alerts($1, $2)', [now, limit]);
  }

  protected async raise(alert: DueAlert): Promise<boolean> {
    return withTenant(this.dataSource, alert.tenant_id, async (manager) => {
      const claimed: unknown[] = await manager.query(
        `INSERT INTO appeals.clock_alerts (tenant_id, appeal_id, alert, due_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1`,
        [alert.tenant_id, alert.appeal_id, alert.alert, alert.due_at],
      );
      if (claimed.length === 0) return false;
      const [appeal] = await appealRepository.findByIds(manager, alert.tenant_id, [alert.appeal_id]);
      if (!appeal) return false;
      await this.outbox.append(
        manager,
        AppealClockAlertV1,
        {
          appealId: appeal.id,
          reference: appeal.reference,
          alert: alert.alert,
          dueAt: new Date(alert.due_at).toISOString(),
          status: appeal.status,
          ownerId: appeal.reviewerId ?? appeal.committee.find((s) => s.isChair)?.memberId ?? null,
        },
        { tenantId: alert.tenant_id, aggregateId: appeal.id, correlationId: `appeal-clock-alert:${alert.alert}` },
      );
      this.logger.info({ appealId: appeal.id, alert: alert.alert }, 'appeal clock alert raised');
      return true;
    });
  }
}
