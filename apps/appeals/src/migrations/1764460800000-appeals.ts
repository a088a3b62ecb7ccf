import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '@redress/database';

const TENANT_TABLES = [
  'tenant_policies',
  'complaints',
  'decisions',
  'reference_sequences',
  'appeals',
  'committee_seats',
  'appeal_steps',
  'clock_alerts',
  'escalations',
  'matter_cases',
  'related_matters',
  'related_matter_cases',
];

/**
 * Appeals: the decisions borrowers may appeal (learnt from events), the tenant's appeals policy,
 * appeals with their timeline and committee seats, the decision-clock alerts, external escalation
 * records and related matters. One open appeal per decision is a unique index, so two filings
 * racing for the same decision cannot both win.
 */
export class Appeals1764460800000 implements MigrationInterface {
  name = 'Appeals1764460800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE appeals.tenant_policies (
        tenant_id uuid PRIMARY KEY,
        time_zone text NOT NULL,
        tenant_revision int NOT NULL DEFAULT 0,
        window_days int NOT NULL CHECK (window_days >= 30),
        decision_days int NOT NULL CHECK (decision_days > 0),
        warning_hours int NOT NULL CHECK (warning_hours > 0),
        serious_kinds text[] NOT NULL,
        serious_amount_minor bigint CHECK (serious_amount_minor >= 0),
        committee_min_members int NOT NULL CHECK (committee_min_members >= 2),
        matter_min_borrowers int NOT NULL CHECK (matter_min_borrowers >= 2),
        matter_period_days int NOT NULL CHECK (matter_period_days > 0),
        version int NOT NULL,
        updated_by text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The complaints this service has heard of (ComplaintFiled, referrals): staff may group them into related matters.
    await q.query(`
      CREATE TABLE appeals.complaints (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        reference text NOT NULL,
        product_name text NOT NULL,
        received_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`
      CREATE TABLE appeals.decisions (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        kind text NOT NULL,
        subject_id uuid NOT NULL,
        subject_reference text NOT NULL,
        source_decision_id uuid NOT NULL,
        complaint_id uuid,
        borrower_id text,
        product_name text,
        issue text,
        outcome text NOT NULL,
        summary text NOT NULL,
        amount_minor bigint,
        currency char(3),
        decider_ids text[] NOT NULL,
        received_at timestamptz NOT NULL,
        -- The window as announced when the decision was learnt: a later, shorter policy never shortens it.
        window_last_day date NOT NULL,
        window_closes_at timestamptz NOT NULL,
        locale text NOT NULL,
        learnt_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        -- The same decision learnt twice (a redelivery, a replay, a republished event) is one decision.
        CONSTRAINT decisions_once UNIQUE (tenant_id, kind, source_decision_id, received_at)
      )`);
    await q.query(`CREATE INDEX decisions_borrower_idx ON appeals.decisions (tenant_id, borrower_id, received_at DESC)`);
    await q.query(`CREATE INDEX decisions_subject_idx ON appeals.decisions (tenant_id, subject_id)`);
    await q.query(`
      CREATE TABLE appeals.reference_sequences (
        tenant_id uuid NOT NULL, day text NOT NULL, last_value int NOT NULL, PRIMARY KEY (tenant_id, day)
      )`);
    await q.query(`
      CREATE TABLE appeals.appeals (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        reference text NOT NULL,
        decision_id uuid NOT NULL,
        complaint_id uuid,
        borrower_id text,
        status text NOT NULL,
        serious boolean NOT NULL,
        grounds text NOT NULL,
        topic text NOT NULL,
        fee_type text,
        requested_remedy text,
        filed_at timestamptz NOT NULL,
        filed_by text NOT NULL,
        decision_due_at timestamptz NOT NULL,
        reviewer_id text,
        outcome text,
        outcome_reasons text,
        decided_by text,
        decided_at timestamptz,
        withdrawn_reason text,
        version int NOT NULL,
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT appeals_reference_unique UNIQUE (tenant_id, reference),
        FOREIGN KEY (tenant_id, decision_id) REFERENCES appeals.decisions (tenant_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX appeals_one_open_per_decision ON appeals.appeals (tenant_id, decision_id)
      WHERE status IN ('FILED', 'UNDER_REVIEW', 'IN_COMMITTEE')`);
    await q.query(`CREATE INDEX appeals_filed_idx ON appeals.appeals (tenant_id, filed_at DESC, id DESC)`);
    await q.query(`CREATE INDEX appeals_complaint_idx ON appeals.appeals (tenant_id, complaint_id, filed_at, id)`);
    await q.query(`CREATE INDEX appeals_due_idx ON appeals.appeals (decision_due_at) WHERE status IN ('FILED', 'UNDER_REVIEW', 'IN_COMMITTEE')`);
    await q.query(`
      CREATE TABLE appeals.committee_seats (
        tenant_id uuid NOT NULL,
        appeal_id uuid NOT NULL,
        member_id text NOT NULL,
        is_chair boolean NOT NULL,
        vote text CHECK (vote IN ('UPHOLD', 'DISMISS')),
        opinion text,
        voted_at timestamptz,
        PRIMARY KEY (tenant_id, appeal_id, member_id),
        FOREIGN KEY (tenant_id, appeal_id) REFERENCES appeals.appeals (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX committee_seats_member_idx ON appeals.committee_seats (tenant_id, member_id)`);
    await q.query(`CREATE UNIQUE INDEX committee_seats_one_chair ON appeals.committee_seats (tenant_id, appeal_id) WHERE is_chair`);
    await q.query(`
      CREATE TABLE appeals.appeal_steps (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        appeal_id uuid NOT NULL,
        at timestamptz NOT NULL,
        action text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        actor_id text NOT NULL,
        note text,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, appeal_id) REFERENCES appeals.appeals (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX appeal_steps_appeal_idx ON appeals.appeal_steps (tenant_id, appeal_id, at)`);
    await q.query(`
      CREATE TABLE appeals.clock_alerts (
        tenant_id uuid NOT NULL,
        appeal_id uuid NOT NULL,
        alert text NOT NULL,
        due_at timestamptz NOT NULL,
        raised_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, appeal_id, alert, due_at),
        FOREIGN KEY (tenant_id, appeal_id) REFERENCES appeals.appeals (tenant_id, id)
      )`);
    await q.query(`
      CREATE TABLE appeals.escalations (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        route text NOT NULL,
        direction text NOT NULL CHECK (direction IN ('INBOUND', 'OUTBOUND')),
        institution text NOT NULL,
        external_reference text,
        complaint_id uuid,
        appeal_id uuid,
        borrower_id text,
        escalated_at timestamptz NOT NULL,
        status text NOT NULL,
        outcome text,
        closed_at timestamptz,
        recorded_by text NOT NULL,
        version int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        CHECK (complaint_id IS NOT NULL OR appeal_id IS NOT NULL)
      )`);
    // One record per outside body's reference: a referral received twice is recorded once.
    await q.query(`CREATE UNIQUE INDEX escalations_reference_once ON appeals.escalations (tenant_id, route, institution, external_reference)
      WHERE external_reference IS NOT NULL`);
    await q.query(`CREATE INDEX escalations_time_idx ON appeals.escalations (tenant_id, escalated_at DESC, id DESC)`);
    await q.query(`CREATE INDEX escalations_complaint_idx ON appeals.escalations (tenant_id, complaint_id)`);
    await q.query(`
      CREATE TABLE appeals.matter_cases (
        tenant_id uuid NOT NULL,
        case_type text NOT NULL CHECK (case_type IN ('COMPLAINT', 'APPEAL')),
        case_id uuid NOT NULL,
        borrower_id text,
        product_name text NOT NULL,
        issue text NOT NULL,
        occurred_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, case_type, case_id, issue)
      )`);
    await q.query(`CREATE INDEX matter_cases_period_idx ON appeals.matter_cases (tenant_id, occurred_at)`);
    await q.query(`
      CREATE TABLE appeals.related_matters (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        title text NOT NULL,
        product_name text NOT NULL,
        issue text NOT NULL,
        origin text NOT NULL,
        status text NOT NULL,
        opened_by text NOT NULL,
        opened_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX related_matters_time_idx ON appeals.related_matters (tenant_id, opened_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE appeals.related_matter_cases (
        tenant_id uuid NOT NULL,
        matter_id uuid NOT NULL,
        case_type text NOT NULL CHECK (case_type IN ('COMPLAINT', 'APPEAL')),
        case_id uuid NOT NULL,
        added_by text NOT NULL,
        added_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, matter_id, case_type, case_id),
        FOREIGN KEY (tenant_id, matter_id) REFERENCES appeals.related_matters (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX related_matter_cases_case_idx ON appeals.related_matter_cases (tenant_id, case_type, case_id)`);
    for (const table of TENANT_TABLES) {
      for (const sql of tenantIsolationSql(`appeals.${table}`)) await q.query(sql);
    }
    await q.query(`
      CREATE FUNCTION appeals.due_clock_alerts(now timestamptz, max_rows int)
      RETURNS TABLE (tenant_id uuid, appeal_id uuid, alert text, due_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = appeals, pg_temp AS $$
        WITH open_appeals AS (
          SELECT a.tenant_id, a.id, a.decision_due_at AS due_at,
                 make_interval(hours => COALESCE(p.warning_hours, 24)) AS warn_before
            FROM appeals.appeals a
            LEFT JOIN appeals.tenant_policies p ON p.tenant_id = a.tenant_id
           WHERE a.status IN ('FILED', 'UNDER_REVIEW', 'IN_COMMITTEE')
        ), due AS (
          SELECT tenant_id, id, 'BREACH' AS alert, due_at FROM open_appeals WHERE due_at < now
          UNION ALL
          SELECT tenant_id, id, 'WARNING', due_at FROM open_appeals WHERE due_at - warn_before <= now AND due_at >= now
        )
        SELECT d.tenant_id, d.id, d.alert, d.due_at FROM due d
         WHERE NOT EXISTS (
           SELECT 1 FROM appeals.clock_alerts x
            WHERE x.tenant_id = d.tenant_id AND x.appeal_id = d.id AND x.alert = d.alert AND x.due_at = d.due_at)
         ORDER BY d.due_at
         LIMIT max_rows
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION appeals.due_clock_alerts(timestamptz, int)`);
    for (const table of [...TENANT_TABLES].reverse()) await q.query(`DROP TABLE appeals.${table}`);
  }
}
