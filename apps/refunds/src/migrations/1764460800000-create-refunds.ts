import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '@redress/database';

const TABLES = ['policies', 'charges', 'reference_sequences', 'refunds', 'payouts', 'appeal_returns', 'clock_alerts'];

/**
 * Refund policies (versioned per tenant), the lender's charges refunds are about, refund requests,
 * payouts and clock alerts.
 *
 * Two guarantees live in the database, not only in code:
 * - a charge's committed refunds never exceed it (`charges_never_over_refunded`), and approving
 *   takes the charge row's lock, so concurrent approvals on one charge serialise;
 * - a refund has at most one payout that is pending or paid (`payouts_one_live_per_refund`).
 *
 * The two finders run as the schema owner (SECURITY DEFINER) because the schedulers look across
 * tenants, which row-level security rightly forbids the runtime role; they return only keys, and
 * every change is then made under the row's own tenant.
 */
export class CreateRefunds1764460800000 implements MigrationInterface {
  name = 'CreateRefunds1764460800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE refunds.policies (
        tenant_id uuid NOT NULL,
        version int NOT NULL CHECK (version > 0),
        effective_from timestamptz NOT NULL,
        policy jsonb NOT NULL,
        created_by text NOT NULL,
        tenant_revision int,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, version)
      )`);
    await q.query(`
      CREATE TABLE refunds.charges (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        reference text NOT NULL,
        fee_type text NOT NULL,
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        currency char(3) NOT NULL,
        charged_at timestamptz NOT NULL,
        contract_number text,
        committed_minor bigint NOT NULL DEFAULT 0,
        recorded_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT charges_reference_unique UNIQUE (tenant_id, reference),
        CONSTRAINT charges_never_over_refunded CHECK (committed_minor >= 0 AND committed_minor <= amount_minor)
      )`);
    await q.query(`
      CREATE TABLE refunds.reference_sequences (
        tenant_id uuid NOT NULL,
        day text NOT NULL,
        last_value int NOT NULL,
        PRIMARY KEY (tenant_id, day)
      )`);
    await q.query(`
      CREATE TABLE refunds.refunds (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        reference text NOT NULL,
        source_key text NOT NULL,
        channel text NOT NULL,
        status text NOT NULL,
        borrower_id text,
        complaint_id uuid,
        charge_id uuid,
        charge_reference text,
        fee_type text,
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        currency char(3) NOT NULL,
        reason text NOT NULL,
        documents jsonb NOT NULL DEFAULT '[]',
        circumstances text[] NOT NULL DEFAULT '{}',
        payout_method text NOT NULL,
        payout_account_sealed text,
        payout_account_hint text,
        locale text NOT NULL,
        requested_by text NOT NULL,
        handler_id text,
        policy_version int NOT NULL,
        evaluation jsonb NOT NULL,
        approvals jsonb NOT NULL DEFAULT '[]',
        override_reason text,
        rejection jsonb,
        requested_at timestamptz NOT NULL,
        review_due_at timestamptz NOT NULL,
        review_warn_at timestamptz NOT NULL,
        approved_at timestamptz,
        payout_due_at timestamptz,
        payout_warn_at timestamptz,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT refunds_source_unique UNIQUE (tenant_id, source_key),
        CONSTRAINT refunds_reference_unique UNIQUE (tenant_id, reference),
        FOREIGN KEY (tenant_id, charge_id) REFERENCES refunds.charges (tenant_id, id),
        FOREIGN KEY (tenant_id, policy_version) REFERENCES refunds.policies (tenant_id, version)
      )`);
    await q.query(`CREATE INDEX refunds_requested_idx ON refunds.refunds (tenant_id, requested_at DESC, id DESC)`);
    await q.query(`CREATE INDEX refunds_complaint_idx ON refunds.refunds (tenant_id, complaint_id, requested_at DESC, id DESC) WHERE complaint_id IS NOT NULL`);
    await q.query(`CREATE INDEX refunds_charge_idx ON refunds.refunds (tenant_id, charge_reference)`);
    await q.query(`CREATE INDEX refunds_review_due_idx ON refunds.refunds (review_due_at) WHERE status IN ('IN_REVIEW', 'AWAITING_SECOND_APPROVAL')`);
    await q.query(`CREATE INDEX refunds_payout_due_idx ON refunds.refunds (payout_due_at) WHERE status IN ('APPROVED', 'PAYOUT_FAILED', 'PAYOUT_REVERSED')`);
    await q.query(`
      CREATE TABLE refunds.payouts (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        refund_id uuid NOT NULL,
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        currency char(3) NOT NULL,
        method text NOT NULL,
        state text NOT NULL CHECK (state IN ('PENDING', 'PAID', 'FAILED', 'REVERSED')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_error text,
        provider_reference text,
        created_at timestamptz NOT NULL,
        settled_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, refund_id) REFERENCES refunds.refunds (tenant_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX payouts_one_live_per_refund ON refunds.payouts (tenant_id, refund_id) WHERE state IN ('PENDING', 'PAID')`);
    await q.query(`CREATE INDEX payouts_due_idx ON refunds.payouts (next_attempt_at) WHERE state = 'PENDING'`);
    await q.query(`CREATE INDEX payouts_refund_idx ON refunds.payouts (tenant_id, refund_id, created_at)`);
    await q.query(`
      CREATE TABLE refunds.appeal_returns (
        tenant_id uuid NOT NULL,
        appeal_id uuid NOT NULL,
        refund_id uuid NOT NULL,
        returned_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, appeal_id),
        FOREIGN KEY (tenant_id, refund_id) REFERENCES refunds.refunds (tenant_id, id)
      )`);
    await q.query(`
      CREATE TABLE refunds.clock_alerts (
        tenant_id uuid NOT NULL,
        refund_id uuid NOT NULL,
        clock text NOT NULL,
        alert text NOT NULL,
        due_at timestamptz NOT NULL,
        raised_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, refund_id, clock, alert, due_at),
        FOREIGN KEY (tenant_id, refund_id) REFERENCES refunds.refunds (tenant_id, id)
      )`);
    for (const table of TABLES) {
      for (const sql of tenantIsolationSql(`refunds.${table}`)) await q.query(sql);
    }
    await q.query(`
      CREATE FUNCTION refunds.due_clock_alerts(now timestamptz, max_rows int)
      RETURNS TABLE (tenant_id uuid, refund_id uuid, clock text, alert text, due_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = refunds, pg_temp AS $$
        WITH clocks AS (
          SELECT r.tenant_id, r.id, 'REVIEW' AS clock, r.review_due_at AS due_at, r.review_warn_at AS warn_at
            FROM refunds.refunds r WHERE r.status IN ('IN_REVIEW', 'AWAITING_SECOND_APPROVAL')
          UNION ALL
          -- The payout clock runs from approval until the money is paid.
          SELECT r.tenant_id, r.id, 'PAYOUT', r.payout_due_at, r.payout_warn_at
            FROM refunds.refunds r WHERE r.status IN ('APPROVED', 'PAYOUT_FAILED', 'PAYOUT_REVERSED')
        ), due AS (
          SELECT tenant_id, id, clock, 'BREACH' AS alert, due_at FROM clocks WHERE due_at < now
          UNION ALL
          SELECT tenant_id, id, clock, 'WARNING', due_at FROM clocks WHERE warn_at <= now AND due_at >= now
        )
        SELECT d.tenant_id, d.id, d.clock, d.alert, d.due_at FROM due d
         WHERE NOT EXISTS (
           SELECT 1 FROM refunds.clock_alerts a
            WHERE a.tenant_id = d.tenant_id AND a.refund_id = d.id AND a.clock = d.clock AND a.alert = d.alert AND a.due_at = d.due_at)
         ORDER BY d.due_at
         LIMIT max_rows
      $$`);
    await q.query(`
      CREATE FUNCTION refunds.due_payouts(now timestamptz, max_rows int)
      RETURNS TABLE (tenant_id uuid, payout_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = refunds, pg_temp AS $$
        SELECT p.tenant_id, p.id FROM refunds.payouts p
         WHERE p.state = 'PENDING' AND p.next_attempt_at <= now
         ORDER BY p.next_attempt_at
         LIMIT max_rows
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION refunds.due_payouts(timestamptz, int)`);
    await q.query(`DROP FUNCTION refunds.due_clock_alerts(timestamptz, int)`);
    for (const table of ['clock_alerts', 'appeal_returns', 'payouts', 'refunds', 'reference_sequences', 'charges', 'policies']) {
      await q.query(`DROP TABLE refunds.${table}`);
    }
  }
}
