import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxInboxDownSql, outboxInboxUpSql } from '@redress/events';

/** The mediation schema starts with its outbox and inbox; its case tables arrive with its own issue. */
export class CreateMediationOutbox1764028800000 implements MigrationInterface {
  name = 'CreateMediationOutbox1764028800000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of outboxInboxUpSql('mediation')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of outboxInboxDownSql('mediation')) await q.query(sql);
  }
}
