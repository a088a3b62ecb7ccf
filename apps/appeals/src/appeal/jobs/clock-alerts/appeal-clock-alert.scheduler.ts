import type { DataSource } from 'typeorm';
import { AppealClockAlertV1 } from '@redress/contracts';
import { withTenant } from '@redress/database';
import type { OutboxWriter } from '@redress/events';
import type { Logger } from '@redress/logger';
import { appealRepository } from '../../infrastructure/appeal.repository';

interface DueAlert {
  tenant_id: string;
  appeal_id: string;
  alert: 'WARNING' | 'BREACH';
  due_at: Date;
}

export interface AppealClockAlertSchedulerOptions {
  intervalMs: number;
  batchSize?: number;
  now?: () => Date;
}

/**
 * Warns before an appeal's decision falls due (the tenant's warning hours) and escalates once it
 * has passed. As for complaints, state lives in the database: the alert row and its event commit
 * together, so a restart or a second instance never raises one alert twice, and none is skipped.
 */
export class AppealClockAlertScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly logger: Logger,
    private readonly options: AppealClockAlertSchedulerOptions,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.tick(), this.options.intervalMs);
    this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.raiseDueAlerts()
      .then(() => undefined)
      .catch((error) => this.logger.warn({ err: error }, 'appeal clock scan failed; next scan retries'))
      .finally(() => {
        this.running = null;
      });
  }

  /** Returns how many alerts were raised. */
  async raiseDueAlerts(): Promise<number> {
    const now = (this.options.now ?? (() => new Date()))();
    const due: DueAlert[] = await this.dataSource.query('SELECT * FROM appeals.due_clock_alerts($1, $2)', [now, this.options.batchSize ?? 200]);
    let raised = 0;
    for (const alert of due) if (await this.raise(alert)) raised += 1;
    return raised;
  }

  private async raise(alert: DueAlert): Promise<boolean> {
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
