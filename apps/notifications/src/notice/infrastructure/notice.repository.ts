import type { EntityManager } from 'typeorm';
import type { Notice } from '../domain/notice';
import { NoticeEntity } from './notice.entity';

export interface NoticePage {
  limit: number;
  after: [string, string] | null;
}

/** Notice data access; every method is scoped by tenant (RLS enforces the same underneath). */
export const noticeRepository = {
  /**
   * Records a notice unless one already exists for the same event, recipient and channel: the
   * unique key is the last guard against one event producing two notices.
   */
  async insertOnce(manager: EntityManager, notice: Notice): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(NoticeEntity)
      .values(notice)
      .orIgnore()
      .execute();
    return (result.raw as unknown[]).length > 0;
  },

  /**
   * The first page of notices of many complaints in one query (oldest first within each complaint),
   * for the `Complaint.notifications` batch.
   */
  async pageByComplaints(
    manager: EntityManager,
    tenantId: string,
    complaintIds: readonly string[],
    page: NoticePage,
  ): Promise<Map<string, Notice[]>> {
    const params: unknown[] = [tenantId, complaintIds, page.limit + 1];
    let afterClause = '';
    if (page.after) {
      params.push(page.after[0], page.after[1]);
      afterClause = 'AND (n.created_at, n.id) > ($4::timestamptz, $5::uuid)';
    }
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT * FROM (
         SELECT n.*, row_number() OVER (PARTITION BY n.complaint_id ORDER BY n.created_at, n.id) AS rn
           FROM notifications.notices n
          WHERE n.tenant_id = $1 AND n.complaint_id = ANY($2::uuid[]) ${afterClause}
       ) ranked WHERE rn <= $3 ORDER BY complaint_id, created_at, id`,
      params,
    );
    const byComplaint = new Map<string, Notice[]>();
    for (const row of rows) {
      const notice = fromRow(row);
      const list = byComplaint.get(notice.complaintId) ?? [];
      list.push(notice);
      byComplaint.set(notice.complaintId, list);
    }
    return byComplaint;
  },

  /** The tenant's notices, newest first. */
  async listNewestFirst(manager: EntityManager, tenantId: string, page: NoticePage): Promise<Notice[]> {
    const query = manager
      .getRepository(NoticeEntity)
      .createQueryBuilder('n')
      .where('n.tenant_id = :tenantId', { tenantId })
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(page.limit + 1);
    if (page.after) query.andWhere('(n.created_at, n.id) < (:at, :id)', { at: page.after[0], id: page.after[1] });
    return query.getMany();
  },
};

function fromRow(row: Record<string, unknown>): Notice {
  return {
    id: row['id'] as string,
    tenantId: row['tenant_id'] as string,
    complaintId: row['complaint_id'] as string,
    sourceEventId: row['source_event_id'] as string,
    kind: row['kind'] as Notice['kind'],
    recipient: row['recipient'] as Notice['recipient'],
    channel: row['channel'] as Notice['channel'],
    locale: row['locale'] as Notice['locale'],
    subject: row['subject'] as string,
    body: row['body'] as string,
    status: row['status'] as Notice['status'],
    createdAt: row['created_at'] as Date,
  };
}
