import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxInboxDownSql, outboxInboxUpSql } from '@redress/events';

/** The appeals schema starts with its outbox and inbox; its case tables arrive with its own issue. */
export class CreateAppealsOutbox1764028800000 implements MigrationInterface {
  name = 'CreateAppealsOutbox1764028800000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of outboxInboxUpSql('appeals')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of outboxInboxDownSql('appeals')) await q.query(sql);
  }
}
