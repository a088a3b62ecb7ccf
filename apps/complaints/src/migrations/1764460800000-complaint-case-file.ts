import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '@redress/database';

/**
 * The whole case file (issue 3): classification, the borrower and their representative, regulator
 * referrals, repeat matters, the recorded decision clock and the tenant's clock policy; the
 * evidence, the communication log, investigation notes, an append-only audit trail, the tenant
 * settings learnt from onboarding, and the appeals that reopened a case (each acted on once).
 *
 * Personal data columns (complainant name, phone, email, ID number, the representative) hold
 * sealed values (`pd1.<keyId>.…`); rows written before sealing are sealed by the service's reseal
 * job at start.
 */
export class ComplaintCaseFile1764460800000 implements MigrationInterface {
  name = 'ComplaintCaseFile1764460800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE complaints.complaints
        ADD COLUMN category text NOT NULL DEFAULT 'COMPLAINT',
        ADD COLUMN topic text NOT NULL DEFAULT 'OTHER',
        ADD COLUMN severity text NOT NULL DEFAULT 'MEDIUM',
        ADD COLUMN borrower_id text,
        ADD COLUMN complainant_id_number text,
        ADD COLUMN representative text,
        ADD COLUMN regulator text,
        ADD COLUMN regulator_reference text,
        ADD COLUMN occurred_place text,
        ADD COLUMN merged_into uuid,
        ADD COLUMN matter_key text,
        ADD COLUMN decision_clock jsonb,
        ADD COLUMN decision_paused_since timestamptz,
        ADD COLUMN clock_policy jsonb NOT NULL DEFAULT
          '{"firstReplyHours":24,"decisionDays":15,"complexDecisionDays":30,"furtherExtensionDays":30,"warningBeforeHours":4}'::jsonb,
        ADD CONSTRAINT complaints_category_check CHECK (category IN ('INQUIRY', 'SUGGESTION', 'COMPLAINT', 'MISCONDUCT_REPORT')),
        ADD CONSTRAINT complaints_severity_check CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
        ADD CONSTRAINT complaints_merged_into_fk FOREIGN KEY (tenant_id, merged_into) REFERENCES complaints.complaints (tenant_id, id)`);
    // Existing complaints get the clock they ran on: from receipt, stopped by the step that ended it.
    await q.query(`
      UPDATE complaints.complaints c SET decision_clock = jsonb_build_object(
        'kind', 'DECISION', 'startedAt', c.received_at, 'extension', 'NONE', 'extensionReason', NULL,
        'approvedBy', NULL, 'pauses', '[]'::jsonb,
        'stoppedAt', (SELECT min(s.at) FROM complaints.complaint_steps s
                       WHERE s.tenant_id = c.tenant_id AND s.complaint_id = c.id
                         AND s.action IN ('proposeResolution', 'decline', 'withdraw', 'merge')))`);
    await q.query(`ALTER TABLE complaints.complaints ALTER COLUMN decision_clock SET NOT NULL`);
    // Decisions already issued get their id and issue time (the proposing step), as new ones carry.
    await q.query(`
      UPDATE complaints.complaints c SET resolution = c.resolution || jsonb_build_object(
        'decisionId', gen_random_uuid(),
        'issuedAt', (SELECT max(s.at) FROM complaints.complaint_steps s
                      WHERE s.tenant_id = c.tenant_id AND s.complaint_id = c.id AND s.action = 'proposeResolution'))
       WHERE c.resolution IS NOT NULL AND NOT c.resolution ? 'decisionId'`);
    await q.query(`CREATE INDEX complaints_open_matter_idx ON complaints.complaints (tenant_id, matter_key)
      WHERE status IN ('RECEIVED', 'ACCEPTED', 'ASSIGNED', 'INVESTIGATING', 'UNDER_REVIEW', 'RESOLUTION_PROPOSED', 'RESOLUTION_ACCEPTED')`);
    await q.query(`CREATE INDEX complaints_borrower_idx ON complaints.complaints (tenant_id, borrower_id, received_at DESC, id DESC)`);
    await q.query(`CREATE INDEX complaints_regulator_reference_idx ON complaints.complaints (tenant_id, regulator_reference) WHERE regulator_reference IS NOT NULL`);

    await q.query(`
      CREATE TABLE complaints.tenant_settings (
        tenant_id uuid PRIMARY KEY,
        code text NOT NULL,
        time_zone text NOT NULL,
        clock_policy jsonb NOT NULL,
        revision int NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE complaints.evidence (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        complaint_id uuid NOT NULL,
        kind text NOT NULL,
        file_name text NOT NULL,
        media_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        description text,
        added_by text NOT NULL,
        added_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, complaint_id) REFERENCES complaints.complaints (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX evidence_complaint_idx ON complaints.evidence (tenant_id, complaint_id, added_at)`);
    await q.query(`
      CREATE TABLE complaints.communications (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        complaint_id uuid NOT NULL,
        at timestamptz NOT NULL,
        channel text NOT NULL,
        direction text NOT NULL CHECK (direction IN ('INBOUND', 'OUTBOUND')),
        staff_id text NOT NULL,
        staff_name text NOT NULL,
        content text NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, complaint_id) REFERENCES complaints.complaints (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX communications_complaint_idx ON complaints.communications (tenant_id, complaint_id, at, id)`);
    await q.query(`
      CREATE TABLE complaints.case_notes (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        complaint_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('NOTE', 'FINDING')),
        body text NOT NULL,
        author_id text NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, complaint_id) REFERENCES complaints.complaints (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX case_notes_complaint_idx ON complaints.case_notes (tenant_id, complaint_id, at)`);
    await q.query(`
      CREATE TABLE complaints.audit_log (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id text NOT NULL,
        roles text[] NOT NULL,
        action text NOT NULL,
        complaint_id uuid,
        detail jsonb NOT NULL DEFAULT '{}'::jsonb,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX audit_log_complaint_idx ON complaints.audit_log (tenant_id, complaint_id, at)`);
    // Append-only whatever the grants say: neither the runtime role nor the owner may change history.
    await q.query(`
      CREATE FUNCTION complaints.refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'complaints.audit_log is append-only';
      END $$`);
    await q.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON complaints.audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION complaints.refuse_audit_change()`);
    await q.query(`
      CREATE TABLE complaints.appeal_reopenings (
        tenant_id uuid NOT NULL,
        appeal_id uuid NOT NULL,
        complaint_id uuid NOT NULL,
        reopened_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, appeal_id)
      )`);
    for (const table of ['tenant_settings', 'evidence', 'communications', 'case_notes', 'audit_log', 'appeal_reopenings']) {
      for (const sql of tenantIsolationSql(`complaints.${table}`)) await q.query(sql);
    }

    // Due alerts now follow the recorded clock: a paused decision clock raises nothing, and each
    // complaint warns as early as the policy it was received under says.
    await q.query(`DROP FUNCTION complaints.due_clock_alerts(timestamptz, interval, int)`);
    await q.query(`
      CREATE FUNCTION complaints.due_clock_alerts(now timestamptz, max_rows int)
      RETURNS TABLE (tenant_id uuid, complaint_id uuid, clock text, alert text, due_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = complaints, pg_temp AS $$
        WITH clocks AS (
          SELECT c.tenant_id, c.id, 'FIRST_REPLY' AS clock, c.first_reply_due_at AS due_at,
                 make_interval(hours => (c.clock_policy->>'warningBeforeHours')::int) AS warn_before
            FROM complaints.complaints c WHERE c.status = 'RECEIVED'
          UNION ALL
          SELECT c.tenant_id, c.id, 'DECISION', c.decision_due_at,
                 make_interval(hours => (c.clock_policy->>'warningBeforeHours')::int)
            FROM complaints.complaints c
           WHERE c.status IN ('RECEIVED', 'ACCEPTED', 'ASSIGNED', 'INVESTIGATING', 'UNDER_REVIEW')
             AND c.decision_paused_since IS NULL
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
    // The reseal job's finder: rows whose personal data is not sealed under the active key (legacy
    // plaintext, or a retired key). Cross-tenant, so SECURITY DEFINER; it returns ids only.
    await q.query(`
      CREATE FUNCTION complaints.rows_to_reseal(active_prefix text, max_rows int)
      RETURNS TABLE (tenant_id uuid, complaint_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = complaints, pg_temp AS $$
        SELECT c.tenant_id, c.id FROM complaints.complaints c
         WHERE left(c.complainant_phone, length(active_prefix)) <> active_prefix
         LIMIT max_rows
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION complaints.rows_to_reseal(text, int)`);
    await q.query(`DROP FUNCTION complaints.due_clock_alerts(timestamptz, int)`);
    for (const table of ['appeal_reopenings', 'audit_log', 'case_notes', 'communications', 'evidence', 'tenant_settings']) {
      await q.query(`DROP TABLE complaints.${table}`);
    }
    await q.query(`DROP FUNCTION complaints.refuse_audit_change()`);
    await q.query(`DROP INDEX complaints.complaints_regulator_reference_idx`);
    await q.query(`DROP INDEX complaints.complaints_borrower_idx`);
    await q.query(`DROP INDEX complaints.complaints_open_matter_idx`);
    await q.query(`
      ALTER TABLE complaints.complaints
        DROP CONSTRAINT complaints_merged_into_fk, DROP CONSTRAINT complaints_severity_check, DROP CONSTRAINT complaints_category_check,
        DROP COLUMN clock_policy, DROP COLUMN decision_paused_since, DROP COLUMN decision_clock, DROP COLUMN matter_key,
        DROP COLUMN merged_into, DROP COLUMN occurred_place, DROP COLUMN regulator_reference, DROP COLUMN regulator,
        DROP COLUMN representative, DROP COLUMN complainant_id_number, DROP COLUMN borrower_id, DROP COLUMN severity,
        DROP COLUMN topic, DROP COLUMN category`);
    // Recreates the previous finder, so a rollback leaves the scheduler of the previous release working.
    await q.query(`
      CREATE FUNCTION complaints.due_clock_alerts(now timestamptz, warn_before interval, max_rows int)
      RETURNS TABLE (tenant_id uuid, complaint_id uuid, clock text, alert text, due_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = complaints, pg_temp AS $$
        WITH clocks AS (
          SELECT c.tenant_id, c.id, 'FIRST_REPLY' AS clock, c.first_reply_due_at AS due_at FROM complaints.complaints c WHERE c.status = 'RECEIVED'
          UNION ALL
          SELECT c.tenant_id, c.id, 'DECISION', c.decision_due_at FROM complaints.complaints c
           WHERE c.status IN ('RECEIVED', 'ACCEPTED', 'ASSIGNED', 'INVESTIGATING', 'UNDER_REVIEW')
        ), due AS (
          SELECT tenant_id, id, clock, 'BREACH' AS alert, due_at FROM clocks WHERE due_at < now
          UNION ALL
          SELECT tenant_id, id, clock, 'WARNING', due_at FROM clocks WHERE due_at - warn_before <= now AND due_at >= now
        )
        SELECT d.tenant_id, d.id, d.clock, d.alert, d.due_at FROM due d
         WHERE NOT EXISTS (SELECT 1 FROM complaints.clock_alerts a WHERE a.tenant_id = d.tenant_id AND a.complaint_id = d.id
                             AND a.clock = d.clock AND a.alert = d.alert AND a.due_at = d.due_at)
         ORDER BY d.due_at LIMIT max_rows
      $$`);
  }
}
