import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxInboxDownSql, outboxInboxUpSql } from '@redress/events';

/** The refunds schema starts with its outbox and inbox; its case tables arrive with its own issue. */
export class CreateRefundsOutbox1764028800000 implements MigrationInterface {
  name = 'CreateRefundsOutbox1764028800000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of outboxInboxUpSql('refunds')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of outboxInboxDownSql('refunds')) await q.query(sql);
  }
}
