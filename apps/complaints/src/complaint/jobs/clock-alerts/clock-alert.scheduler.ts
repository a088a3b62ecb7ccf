import type { DataSource } from 'typeorm';
import { ComplaintClockAlertV1 } from '@redress/contracts';
import { withTenant } from '@redress/database';
import type { OutboxWriter } from '@redress/events';
import type { Logger } from '@redress/logger';
import { DueAlertScheduler, type DueAlertSchedulerOptions } from '@redress/service-kit';
import type { ComplaintRepository } from '../../infrastructure/complaint.repository';

interface DueAlert {
  tenant_id: string;
  complaint_id: string;
  clock: 'FIRST_REPLY' | 'DECISION';
  alert: 'WARNING' | 'BREACH';
  due_at: Date;
}

export type ClockAlertSchedulerOptions = DueAlertSchedulerOptions;

/**
 * Raises a warning before each regulatory clock falls due and an escalation once it has passed.
 * State lives in the database, not in memory: the alert row and its event commit together, so a
 * restart (or a second instance) can never raise the same alert twice, and none is skipped.
 */
export class ClockAlertScheduler extends DueAlertScheduler<DueAlert> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly complaints: ComplaintRepository,
    logger: Logger,
    options: ClockAlertSchedulerOptions,
  ) {
    super(logger, options, 'complaint clock');
  }

  protected findDue(now: Date, limit: number): Promise<DueAlert[]> {
    return this.dataSource.query(
      'SELECT * FROM complaints.due_clock_alerts($1, $2)',
      [now, limit],
    );
  }

  protected async raise(alert: DueAlert): Promise<boolean> {
    return withTenant(this.dataSource, alert.tenant_id, async (manager) => {
      const claimed: unknown[] = await manager.query(
        `INSERT INTO complaints.clock_alerts (tenant_id, complaint_id, clock, alert, due_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING 1`,
        [alert.tenant_id, alert.complaint_id, alert.clock, alert.alert, alert.due_at],
      );
      if (claimed.length === 0) return false;
      const [complaint] = await this.complaints.findByIds(manager, alert.tenant_id, [alert.complaint_id]);
      if (!complaint) return false;
      await this.outbox.append(
        manager,
        ComplaintClockAlertV1,
        {
          complaintId: complaint.id,
          reference: complaint.reference,
          clock: alert.clock,
          alert: alert.alert,
          dueAt: new Date(alert.due_at).toISOString(),
          handlerId: complaint.handlerId,
          status: complaint.status,
        },
        { tenantId: alert.tenant_id, aggregateId: complaint.id, correlationId: `clock-alert:${alert.clock}:${alert.alert}` },
      );
      this.logger.info({ complaintId: complaint.id, clock: alert.clock, alert: alert.alert }, 'clock alert raised');
      return true;
    });
  }
}
