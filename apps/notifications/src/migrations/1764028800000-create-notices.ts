import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '@redress/database';
import { outboxInboxDownSql, outboxInboxUpSql } from '@redress/events';

/** Notices, tenant-isolated by row-level security, plus the outbox/inbox of the service. */
export class CreateNotices1764028800000 implements MigrationInterface {
  name = 'CreateNotices1764028800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications.notices (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        complaint_id uuid NOT NULL,
        source_event_id uuid NOT NULL,
        kind text NOT NULL,
        recipient text NOT NULL,
        channel text NOT NULL,
        locale text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        status text NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT notices_once_per_event UNIQUE (tenant_id, source_event_id, recipient, channel)
      )`);
    await q.query(`CREATE INDEX notices_by_complaint_idx ON notifications.notices (tenant_id, complaint_id, created_at, id)`);
    await q.query(`CREATE INDEX notices_newest_idx ON notifications.notices (tenant_id, created_at DESC, id DESC)`);
    for (const sql of tenantIsolationSql('notifications.notices')) await q.query(sql);
    for (const sql of outboxInboxUpSql('notifications')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of outboxInboxDownSql('notifications')) await q.query(sql);
    await q.query(`DROP TABLE notifications.notices`);
  }
}
