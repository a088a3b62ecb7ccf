import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '@redress/database';

/**
 * Notices become deliveries tracked in the database (so nothing is lost across restarts), about any
 * case (complaint, refund, mediation, appeal), plus the tenant's templates, channel settings and
 * settings, complainants' sealed contacts and borrowers' preferences.
 *
 * The dispatcher looks across tenants, which row-level security rightly forbids the runtime role:
 * `claim_due_deliveries` runs as the schema owner (SECURITY DEFINER), claims due rows with
 * `FOR UPDATE SKIP LOCKED` under a lease and returns only their keys; each is then read and updated
 * under its own tenant. A lease that runs out (a dispatcher that died mid-batch) makes the row due
 * again.
 */
export class DeliveryTemplatesPreferences1764460800000 implements MigrationInterface {
  name = 'DeliveryTemplatesPreferences1764460800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications.notices
      ALTER COLUMN complaint_id DROP NOT NULL,
      ADD COLUMN case_type text NOT NULL DEFAULT 'COMPLAINT',
      ADD COLUMN case_id uuid,
      ADD COLUMN reference text NOT NULL DEFAULT '',
      ADD COLUMN borrower_id text,
      ADD COLUMN regulatory boolean NOT NULL DEFAULT false,
      ADD COLUMN event_occurred_at timestamptz,
      ADD COLUMN attempts int NOT NULL DEFAULT 0,
      ADD COLUMN next_attempt_at timestamptz,
      ADD COLUMN lease_until timestamptz,
      ADD COLUMN last_error text,
      ADD COLUMN sent_at timestamptz,
      ADD COLUMN delivered_at timestamptz,
      ADD COLUMN dead_lettered_at timestamptz,
      ADD COLUMN provider_message_id text,
      ADD COLUMN read_at timestamptz,
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`UPDATE notifications.notices SET case_id = complaint_id, event_occurred_at = created_at,
      next_attempt_at = CASE WHEN status = 'QUEUED' THEN created_at END`);
    await q.query(`ALTER TABLE notifications.notices ALTER COLUMN case_id SET NOT NULL, ALTER COLUMN event_occurred_at SET NOT NULL`);
    await q.query(`CREATE INDEX notices_due_idx ON notifications.notices (next_attempt_at) WHERE status IN ('QUEUED', 'FAILED')`);
    await q.query(`CREATE INDEX notices_inbox_idx ON notifications.notices (tenant_id, borrower_id, created_at DESC, id DESC) WHERE channel = 'IN_APP'`);
    await q.query(`CREATE INDEX notices_report_idx ON notifications.notices (tenant_id, status, created_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE notifications.delivery_attempts (
        tenant_id uuid NOT NULL,
        notice_id uuid NOT NULL,
        attempt int NOT NULL,
        attempted_at timestamptz NOT NULL,
        outcome text NOT NULL,
        error text,
        PRIMARY KEY (tenant_id, notice_id, attempt),
        FOREIGN KEY (tenant_id, notice_id) REFERENCES notifications.notices (tenant_id, id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE notifications.templates (
        tenant_id uuid NOT NULL,
        kind text NOT NULL,
        channel text NOT NULL,
        locale text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL,
        PRIMARY KEY (tenant_id, kind, channel, locale)
      )`);

    await q.query(`
      CREATE TABLE notifications.tenant_settings (
        tenant_id uuid NOT NULL PRIMARY KEY,
        name text NOT NULL,
        time_zone text NOT NULL,
        locales text[] NOT NULL,
        default_locale text NOT NULL,
        revision int NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE notifications.channel_settings (
        tenant_id uuid NOT NULL,
        channel text NOT NULL,
        enabled boolean NOT NULL,
        config jsonb NOT NULL,
        sealed_secret text,
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL,
        PRIMARY KEY (tenant_id, channel)
      )`);

    await q.query(`
      CREATE TABLE notifications.complainant_contacts (
        tenant_id uuid NOT NULL,
        complaint_id uuid NOT NULL,
        reference text NOT NULL,
        borrower_id text,
        locale text NOT NULL,
        sealed_contact text NOT NULL,
        changed_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, complaint_id)
      )`);
    await q.query(`CREATE INDEX complainant_contacts_borrower_idx ON notifications.complainant_contacts (tenant_id, borrower_id, changed_at DESC)`);

    await q.query(`
      CREATE TABLE notifications.preferences (
        tenant_id uuid NOT NULL,
        borrower_id text NOT NULL,
        opted_out_channels text[] NOT NULL DEFAULT '{}',
        quiet_hours_start text,
        quiet_hours_end text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL,
        PRIMARY KEY (tenant_id, borrower_id)
      )`);

    for (const table of ['delivery_attempts', 'templates', 'tenant_settings', 'channel_settings', 'complainant_contacts', 'preferences']) {
      for (const sql of tenantIsolationSql(`notifications.${table}`)) await q.query(sql);
    }

    await q.query(`
      CREATE FUNCTION notifications.claim_due_deliveries(now timestamptz, lease interval, max_rows int)
      RETURNS TABLE (tenant_id uuid, id uuid)
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = notifications, pg_temp AS $$
        UPDATE notifications.notices n SET lease_until = now + lease
          FROM (
            SELECT d.tenant_id, d.id FROM notifications.notices d
             WHERE d.status IN ('QUEUED', 'FAILED') AND d.next_attempt_at <= now
               AND (d.lease_until IS NULL OR d.lease_until < now)
             ORDER BY d.next_attempt_at
             LIMIT max_rows
             FOR UPDATE SKIP LOCKED
          ) due
         WHERE n.tenant_id = due.tenant_id AND n.id = due.id
        RETURNING n.tenant_id, n.id
      $$`);
    await q.query(`
      CREATE FUNCTION notifications.notify_due_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('notifications_deliveries_due', '');
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER notices_due_notify AFTER INSERT ON notifications.notices
      FOR EACH STATEMENT EXECUTE FUNCTION notifications.notify_due_deliveries()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER notices_due_notify ON notifications.notices`);
    await q.query(`DROP FUNCTION notifications.notify_due_deliveries()`);
    await q.query(`DROP FUNCTION notifications.claim_due_deliveries(timestamptz, interval, int)`);
    for (const table of ['preferences', 'complainant_contacts', 'channel_settings', 'tenant_settings', 'templates', 'delivery_attempts']) {
      await q.query(`DROP TABLE notifications.${table}`);
    }
    await q.query(`DROP INDEX notifications.notices_report_idx`);
    await q.query(`DROP INDEX notifications.notices_inbox_idx`);
    await q.query(`DROP INDEX notifications.notices_due_idx`);
    await q.query(`DELETE FROM notifications.notices WHERE complaint_id IS NULL`);
    await q.query(`ALTER TABLE notifications.notices
      ALTER COLUMN complaint_id SET NOT NULL,
      DROP COLUMN case_type, DROP COLUMN case_id, DROP COLUMN reference, DROP COLUMN borrower_id, DROP COLUMN regulatory,
      DROP COLUMN event_occurred_at, DROP COLUMN attempts, DROP COLUMN next_attempt_at, DROP COLUMN lease_until,
      DROP COLUMN last_error, DROP COLUMN sent_at, DROP COLUMN delivered_at, DROP COLUMN dead_lettered_at,
      DROP COLUMN provider_message_id, DROP COLUMN read_at, DROP COLUMN updated_at`);
  }
}
