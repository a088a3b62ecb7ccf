import type { DataSource } from 'typeorm';
import { RefundClockAlertV1 } from '@redress/contracts';
import { withTenant } from '@redress/database';
import type { OutboxWriter } from '@redress/events';
import type { Logger } from '@redress/logger';
import { DueAlertScheduler, type DueAlertSchedulerOptions } from '@redress/service-kit';
import { refundRepository } from '../../infrastructure/refund.repository';

interface DueAlert {
  tenant_id: string;
  refund_id: string;
  clock: 'REVIEW' | 'PAYOUT';
  alert: 'WARNING' | 'BREACH';
  due_at: Date;
}

export type RefundClockAlertOptions = DueAlertSchedulerOptions;

/**
 * Raises a warning before a refund's review or payout time limit falls due and an escalation once
 * it has passed. The alert row and its event commit together, so a restart (or a second instance)
 * never raises the same alert twice, and none is skipped.
 */
export class RefundClockAlertScheduler extends DueAlertScheduler<DueAlert> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    logger: Logger,
    options: RefundClockAlertOptions,
  ) {
    super(logger, options, 'refund clock');
  }

  protected findDue(now: Date, limit: number): Promise<DueAlert[]> {
    return this.dataSource.query('SELECT * FROM refunds.due_clock_alerts($1, $2)', [now, limit]);
  }

  protected async raise(alert: DueAlert): Promise<boolean> {
    return withTenant(this.dataSource, alert.tenant_id, async (manager) => {
      const claimed: unknown[] = await manager.query(
        `INSERT INTO refunds.clock_alerts (tenant_id, refund_id, clock, alert, due_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING 1`,
        [alert.tenant_id, alert.refund_id, alert.clock, alert.alert, alert.due_at],
      );
      if (claimed.length === 0) return false;
      const [refund] = await refundRepository.findByIds(manager, alert.tenant_id, [alert.refund_id]);
      if (!refund) return false;
      await this.outbox.append(
        manager,
        RefundClockAlertV1,
        {
          refundId: refund.id,
          reference: refund.reference,
          clock: alert.clock,
          alert: alert.alert,
          dueAt: new Date(alert.due_at).toISOString(),
          handlerId: refund.handlerId,
          status: refund.status,
        },
        { tenantId: alert.tenant_id, aggregateId: refund.id, correlationId: `refund-clock:${alert.clock}:${alert.alert}` },
      );
      this.logger.info({ refundId: refund.id, clock: alert.clock, alert: alert.alert }, 'refund clock alert raised');
      return true;
    });
  }
}
