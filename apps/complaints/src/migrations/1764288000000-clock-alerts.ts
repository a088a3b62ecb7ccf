import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '@redress/database';

/**
 * Clock alerts: one row per complaint, clock, alert kind and due time, written in the same
 * transaction as the alert's event, so a warning or escalation is raised exactly once even when
 * the scheduler restarts or runs on several instances. The finder runs as the schema owner
 * (SECURITY DEFINER) because the scheduler looks across tenants, which row-level security rightly
 * forbids the runtime role; it returns only what is due, and each alert is then written under its
 * own tenant.
 */
export class ClockAlerts1764288000000 implements MigrationInterface {
  name = 'ClockAlerts1764288000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE complaints.clock_alerts (
        tenant_id uuid NOT NULL,
        complaint_id uuid NOT NULL,
        clock text NOT NULL,
        alert text NOT NULL,
        due_at timestamptz NOT NULL,
        raised_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, complaint_id, clock, alert, due_at),
        FOREIGN KEY (tenant_id, complaint_id) REFERENCES complaints.complaints (tenant_id, id)
      )`);
    for (const sql of tenantIsolationSql('complaints.clock_alerts')) await q.query(sql);
    await q.query(`CREATE INDEX complaints_first_reply_due_idx ON complaints.complaints (first_reply_due_at) WHERE status = 'RECEIVED'`);
    await q.query(`CREATE INDEX complaints_decision_due_idx ON complaints.complaints (decision_due_at)
      WHERE status IN ('RECEIVED', 'ACCEPTED', 'ASSIGNED', 'INVESTIGATING', 'UNDER_REVIEW')`);
    await q.query(`
      CREATE FUNCTION complaints.due_clock_alerts(now timestamptz, warn_before interval, max_rows int)
      RETURNS TABLE (tenant_id uuid, complaint_id uuid, clock text, alert text, due_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = complaints, pg_temp AS $$
        WITH clocks AS (
          -- The first reply is given when the complaint leaves RECEIVED (accepted or declined, and told so).
          SELECT c.tenant_id, c.id, 'FIRST_REPLY' AS clock, c.first_reply_due_at AS due_at
            FROM complaints.complaints c WHERE c.status = 'RECEIVED'
          UNION ALL
          -- The decision clock runs until a resolution is proposed (or the case ends otherwise).
          SELECT c.tenant_id, c.id, 'DECISION', c.decision_due_at
            FROM complaints.complaints c
           WHERE c.status IN ('RECEIVED', 'ACCEPTED', 'ASSIGNED', 'INVESTIGATING', 'UNDER_REVIEW')
        ), due AS (
          SELECT tenant_id, id, clock, 'BREACH' AS alert, due_at FROM clocks WHERE due_at < now
          UNION ALL
          SELECT tenant_id, id, clock, 'WARNING', due_at FROM clocks WHERE due_at - warn_before <= now AND due_at >= now
        )
        SELECT d.tenant_id, d.id, d.clock, d.alert, d.due_at FROM due d
         WHERE NOT EXISTS (
           SELECT 1 FROM complaints.clock_alerts a
            WHERE a.tenant_id = d.tenant_id AND a.complaint_id = d.id AND a.clock = d.clock AND a.alert = d.alert AND a.due_at = d.due_at)
         ORDER BY d.due_at
         LIMIT max_rows
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION complaints.due_clock_alerts(timestamptz, interval, int)`);
    await q.query(`DROP INDEX complaints.complaints_decision_due_idx`);
    await q.query(`DROP INDEX complaints.complaints_first_reply_due_idx`);
    await q.query(`DROP TABLE complaints.clock_alerts`);
  }
}
