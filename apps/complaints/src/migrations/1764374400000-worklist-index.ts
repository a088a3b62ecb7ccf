import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A handler's worklist is read most urgent first: index the decision due time per tenant. */
export class WorklistIndex1764374400000 implements MigrationInterface {
  name = 'WorklistIndex1764374400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX complaints_decision_due_order_idx ON complaints.complaints (tenant_id, decision_due_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX complaints.complaints_decision_due_order_idx`);
  }
}
