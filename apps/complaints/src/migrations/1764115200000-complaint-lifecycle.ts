import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '@redress/database';

/**
 * The lifecycle's first steps: who handles a complaint, why one was not accepted, who it names
 * (for recusal), and the timeline of every step, tenant-isolated like the complaints themselves.
 */
export class ComplaintLifecycle1764115200000 implements MigrationInterface {
  name = 'ComplaintLifecycle1764115200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE complaints.complaints
        ADD COLUMN involved_staff text[] NOT NULL DEFAULT '{}',
        ADD COLUMN handler_id text,
        ADD COLUMN team text,
        ADD COLUMN decline_reason text`);
    await q.query(`CREATE INDEX complaints_status_idx ON complaints.complaints (tenant_id, status, decision_due_at)`);
    await q.query(`
      CREATE TABLE complaints.complaint_steps (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        complaint_id uuid NOT NULL,
        at timestamptz NOT NULL,
        action text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        actor_id text NOT NULL,
        note text,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, complaint_id) REFERENCES complaints.complaints (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX complaint_steps_timeline_idx ON complaints.complaint_steps (tenant_id, complaint_id, at, id)`);
    for (const sql of tenantIsolationSql('complaints.complaint_steps')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE complaints.complaint_steps`);
    await q.query(`DROP INDEX complaints.complaints_status_idx`);
    await q.query(`
      ALTER TABLE complaints.complaints
        DROP COLUMN involved_staff, DROP COLUMN handler_id, DROP COLUMN team, DROP COLUMN decline_reason`);
  }
}
