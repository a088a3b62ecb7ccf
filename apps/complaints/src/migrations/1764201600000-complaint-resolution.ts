import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The rest of the lifecycle: the review group's conclusion, the resolution, and the follow-up visit. */
export class ComplaintResolution1764201600000 implements MigrationInterface {
  name = 'ComplaintResolution1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE complaints.complaints
        ADD COLUMN review_conclusion text,
        ADD COLUMN resolution jsonb,
        ADD COLUMN follow_up_satisfaction int CHECK (follow_up_satisfaction BETWEEN 1 AND 5),
        ADD COLUMN follow_up_comment text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE complaints.complaints
        DROP COLUMN review_conclusion, DROP COLUMN resolution, DROP COLUMN follow_up_satisfaction, DROP COLUMN follow_up_comment`);
  }
}
