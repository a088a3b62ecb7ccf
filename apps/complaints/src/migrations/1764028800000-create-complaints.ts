import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '@redress/database';
import { outboxInboxDownSql, outboxInboxUpSql } from '@redress/events';

/**
 * The complaints schema: complaints, the per-tenant reference sequence, and the outbox/inbox.
 * Row-level security keys every tenant-owned table on the transaction-local `app.tenant_id`;
 * the runtime role does not own the tables, so the policies apply to it.
 */
export class CreateComplaints1764028800000 implements MigrationInterface {
  name = 'CreateComplaints1764028800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE complaints.complaints (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        reference text NOT NULL,
        channel text NOT NULL,
        status text NOT NULL,
        complainant_name text NOT NULL,
        complainant_phone text NOT NULL,
        complainant_email text,
        complainant_locale text NOT NULL,
        product_name text NOT NULL,
        contract_number text,
        description text NOT NULL,
        occurred_at timestamptz,
        disputed_amount_minor bigint CHECK (disputed_amount_minor >= 0),
        disputed_currency char(3),
        demand text,
        received_at timestamptz NOT NULL,
        first_reply_due_at timestamptz NOT NULL,
        decision_due_at timestamptz NOT NULL,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT complaints_reference_unique UNIQUE (tenant_id, reference),
        CONSTRAINT complaints_amount_has_currency CHECK ((disputed_amount_minor IS NULL) = (disputed_currency IS NULL))
      )`);
    await q.query(`CREATE INDEX complaints_received_idx ON complaints.complaints (tenant_id, received_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE complaints.reference_sequences (
        tenant_id uuid NOT NULL,
        day text NOT NULL,
        last_value int NOT NULL,
        PRIMARY KEY (tenant_id, day)
      )`);
    for (const table of ['complaints', 'reference_sequences']) {
      for (const sql of tenantIsolationSql(`complaints.${table}`)) await q.query(sql);
    }
    for (const sql of outboxInboxUpSql('complaints')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of outboxInboxDownSql('complaints')) await q.query(sql);
    await q.query(`DROP TABLE complaints.reference_sequences`);
    await q.query(`DROP TABLE complaints.complaints`);
  }
}
