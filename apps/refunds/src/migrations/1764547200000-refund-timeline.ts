import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '@redress/database';

/**
 * A refund's timeline: every step (request, approvals, rejection, charge recorded, payout states,
 * return to review), who took it and when. Append-only: a trigger refuses to change or delete a step once written.
 */
export class RefundTimeline1764547200000 implements MigrationInterface {
  name = 'RefundTimeline1764547200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE refunds.refund_steps (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        refund_id uuid NOT NULL,
        at timestamptz NOT NULL,
        action text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        actor_id text NOT NULL,
        note text,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, refund_id) REFERENCES refunds.refunds (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX refund_steps_refund_idx ON refunds.refund_steps (tenant_id, refund_id, at, id)`);
    for (const sql of tenantIsolationSql('refunds.refund_steps')) await q.query(sql);
    // A trigger, not a REVOKE: provisioning grants the runtime role UPDATE and DELETE on every table.
    await q.query(`
      CREATE FUNCTION refunds.refund_steps_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'refund steps are append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER refund_steps_append_only BEFORE UPDATE OR DELETE ON refunds.refund_steps
        FOR EACH ROW EXECUTE FUNCTION refunds.refund_steps_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE refunds.refund_steps`);
    await q.query(`DROP FUNCTION refunds.refund_steps_append_only()`);
  }
}
