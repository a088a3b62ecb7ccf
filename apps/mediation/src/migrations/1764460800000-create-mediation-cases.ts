import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '@redress/database';

/**
 * Mediation cases, the registry of institutions and mediators, reference sequences and clock
 * alerts. A case's columns are what lists, filters, uniqueness and clocks need; its rounds,
 * sessions, materials and timeline live in `document`, written whole under optimistic concurrency
 * (`version`), so a round once written is never lost to a concurrent update.
 *
 * One case per complaint referral: (tenant, decision id, remedy index) is unique, which makes a
 * redelivered `ComplaintResolutionAccepted` harmless even beyond the inbox.
 */
export class CreateMediationCases1764460800000 implements MigrationInterface {
  name = 'CreateMediationCases1764460800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mediation.institutions (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('IN_HOUSE', 'THIRD_PARTY')),
        registration_number text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX institutions_created_idx ON mediation.institutions (tenant_id, created_at, id)`);
    await q.query(`
      CREATE TABLE mediation.mediators (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        institution_id uuid NOT NULL,
        actor_id text NOT NULL,
        name text NOT NULL,
        qualifications jsonb NOT NULL DEFAULT '[]',
        declared_interests text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT mediators_actor_unique UNIQUE (tenant_id, actor_id),
        FOREIGN KEY (tenant_id, institution_id) REFERENCES mediation.institutions (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX mediators_created_idx ON mediation.mediators (tenant_id, created_at, id)`);
    await q.query(`
      CREATE TABLE mediation.cases (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        reference text NOT NULL,
        kind text NOT NULL,
        origin text NOT NULL,
        status text NOT NULL,
        borrower_id text,
        complaint_id uuid,
        referral_decision_id uuid,
        referral_remedy_index int,
        mediator_id uuid,
        opened_at timestamptz NOT NULL,
        acceptance_due_at timestamptz,
        case_due_at timestamptz,
        reply_due_at timestamptz,
        specialist_reply_due_at timestamptz,
        document jsonb NOT NULL,
        version int NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT cases_reference_unique UNIQUE (tenant_id, reference),
        CONSTRAINT cases_referral_unique UNIQUE (tenant_id, referral_decision_id, referral_remedy_index),
        CONSTRAINT cases_referral_complete CHECK ((referral_decision_id IS NULL) = (referral_remedy_index IS NULL))
      )`);
    await q.query(`CREATE INDEX cases_opened_idx ON mediation.cases (tenant_id, opened_at DESC, id DESC)`);
    await q.query(`CREATE INDEX cases_complaint_idx ON mediation.cases (tenant_id, complaint_id, opened_at DESC) WHERE complaint_id IS NOT NULL`);
    await q.query(`CREATE INDEX cases_borrower_idx ON mediation.cases (tenant_id, borrower_id, opened_at DESC)`);
    await q.query(`CREATE INDEX cases_mediator_idx ON mediation.cases (tenant_id, mediator_id, opened_at DESC)`);
    await q.query(`
      CREATE TABLE mediation.reference_sequences (
        tenant_id uuid NOT NULL,
        day text NOT NULL,
        last_value int NOT NULL,
        PRIMARY KEY (tenant_id, day)
      )`);
    await q.query(`
      CREATE TABLE mediation.clock_alerts (
        tenant_id uuid NOT NULL,
        case_id uuid NOT NULL,
        clock text NOT NULL,
        alert text NOT NULL,
        due_at timestamptz NOT NULL,
        raised_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, case_id, clock, alert, due_at),
        FOREIGN KEY (tenant_id, case_id) REFERENCES mediation.cases (tenant_id, id)
      )`);
    for (const table of ['institutions', 'mediators', 'cases', 'reference_sequences', 'clock_alerts']) {
      for (const sql of tenantIsolationSql(`mediation.${table}`)) await q.query(sql);
    }
    // The scheduler looks across tenants, which RLS forbids the runtime role: this finder runs as
    // the owner, returns only what is due, and each alert is then raised under its own tenant.
    await q.query(`
      CREATE FUNCTION mediation.due_clock_alerts(now timestamptz, warn_before interval, max_rows int)
      RETURNS TABLE (tenant_id uuid, case_id uuid, clock text, alert text, due_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = mediation, pg_temp AS $$
        WITH clocks AS (
          SELECT c.tenant_id, c.id, 'ACCEPTANCE_REVIEW' AS clock, c.acceptance_due_at AS due_at
            FROM mediation.cases c WHERE c.status = 'SUBMITTED' AND c.acceptance_due_at IS NOT NULL
          UNION ALL
          SELECT c.tenant_id, c.id, 'PROPOSAL_REPLY', c.reply_due_at
            FROM mediation.cases c WHERE c.status = 'PROPOSAL_PENDING' AND c.reply_due_at IS NOT NULL
          UNION ALL
          SELECT c.tenant_id, c.id, 'SPECIALIST_REPLY', c.specialist_reply_due_at
            FROM mediation.cases c
           WHERE c.specialist_reply_due_at IS NOT NULL AND c.status IN ('AWAITING_MEDIATOR', 'IN_MEDIATION', 'PROPOSAL_PENDING')
          UNION ALL
          SELECT c.tenant_id, c.id, 'CASE', c.case_due_at
            FROM mediation.cases c
           WHERE c.case_due_at IS NOT NULL AND c.status IN ('SUBMITTED', 'AWAITING_MEDIATOR', 'IN_MEDIATION', 'PROPOSAL_PENDING')
        ), due AS (
          SELECT tenant_id, id, clock, 'BREACH' AS alert, due_at FROM clocks WHERE due_at < now
          UNION ALL
          SELECT tenant_id, id, clock, 'WARNING', due_at FROM clocks WHERE due_at - warn_before <= now AND due_at >= now
        )
        SELECT d.tenant_id, d.id, d.clock, d.alert, d.due_at FROM due d
         WHERE NOT EXISTS (
           SELECT 1 FROM mediation.clock_alerts a
            WHERE a.tenant_id = d.tenant_id AND a.case_id = d.id AND a.clock = d.clock AND a.alert = d.alert AND a.due_at = d.due_at)
         ORDER BY d.due_at
         LIMIT max_rows
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION mediation.due_clock_alerts(timestamptz, interval, int)`);
    for (const table of ['clock_alerts', 'reference_sequences', 'cases', 'mediators', 'institutions']) {
      await q.query(`DROP TABLE mediation.${table}`);
    }
  }
}
