import type { EntityManager } from 'typeorm';
import type { DeliveryStatus, Notice, NoticeChannel } from '../domain/notice';
import { updateReturning } from './update-returning';

export interface NoticePage {
  limit: number;
  after: [string, string] | null;
}

/** A notice as recorded, before any delivery. */
export type NewNotice = Pick<
  Notice,
  | 'id'
  | 'tenantId'
  | 'caseType'
  | 'caseId'
  | 'complaintId'
  | 'reference'
  | 'borrowerId'
  | 'sourceEventId'
  | 'eventOccurredAt'
  | 'kind'
  | 'regulatory'
  | 'recipient'
  | 'channel'
  | 'locale'
  | 'subject'
  | 'body'
>;

const COLUMNS = `tenant_id, id, case_type, case_id, complaint_id, reference, borrower_id, source_event_id, event_occurred_at,
  kind, regulatory, recipient, channel, locale, subject, body, status, next_attempt_at, created_at, updated_at`;

/** Notice data access; every method is scoped by tenant (RLS enforces the same underneath). */
export const noticeRepository = {
  /**
   * Records notices unless they exist for the same event, recipient and channel: the unique key is
   * the last guard against one event producing two notices. Each is due for delivery at once.
   */
  async insertOnce(manager: EntityManager, notices: NewNotice[], now: Date): Promise<number> {
    if (notices.length === 0) return 0;
    const params: unknown[] = [];
    const rows = notices.map((n) => {
      const values = [n.tenantId, n.id, n.caseType, n.caseId, n.complaintId, n.reference, n.borrowerId, n.sourceEventId, n.eventOccurredAt,
        n.kind, n.regulatory, n.recipient, n.channel, n.locale, n.subject, n.body, 'QUEUED', now, now, now];
      const start = params.length;
      params.push(...values);
      return `(${values.map((_, i) => `$${start + i + 1}`).join(', ')})`;
    });
    const inserted: unknown[] = await manager.query(
      `INSERT INTO notifications.notices (${COLUMNS}) VALUES ${rows.join(', ')}
       ON CONFLICT (tenant_id, source_event_id, recipient, channel) DO NOTHING RETURNING id`,
      params,
    );
    return inserted.length;
  },

  /** The first page of notices of many complaints in one query (oldest first within each complaint). */
  async pageByComplaints(
    manager: EntityManager,
    tenantId: string,
    complaintIds: readonly string[],
    page: NoticePage,
    borrowerId: string | null,
  ): Promise<Map<string, Notice[]>> {
    const params: unknown[] = [tenantId, complaintIds, page.limit + 1];
    let filter = '';
    if (page.after) {
      params.push(page.after[0], page.after[1]);
      filter += ` AND (n.created_at, n.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    if (borrowerId !== null) {
      params.push(borrowerId);
      filter += ` AND n.borrower_id = $${params.length} AND n.channel = 'IN_APP'`;
    }
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT * FROM (
         SELECT n.*, row_number() OVER (PARTITION BY n.complaint_id ORDER BY n.created_at, n.id) AS rn
           FROM notifications.notices n
          WHERE n.tenant_id = $1 AND n.complaint_id = ANY($2::uuid[]) ${filter}
       ) ranked WHERE rn <= $3 ORDER BY complaint_id, created_at, id`,
      params,
    );
    const byComplaint = new Map<string, Notice[]>();
    for (const row of rows) {
      const notice = noticeFromRow(row);
      const list = byComplaint.get(notice.complaintId!) ?? [];
      list.push(notice);
      byComplaint.set(notice.complaintId!, list);
    }
    return byComplaint;
  },

  /** Notices newest first, optionally filtered: the tenant's list, a borrower's inbox, the delivery report. */
  async listNewestFirst(
    manager: EntityManager,
    tenantId: string,
    page: NoticePage,
    filter: { borrowerId?: string; channel?: NoticeChannel; status?: DeliveryStatus } = {},
  ): Promise<Notice[]> {
    const params: unknown[] = [tenantId, page.limit + 1];
    const where = ['n.tenant_id = $1'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.borrowerId !== undefined) add('n.borrower_id = ?', filter.borrowerId);
    if (filter.channel) add('n.channel = ?', filter.channel);
    if (filter.status) add('n.status = ?', filter.status);
    if (page.after) {
      params.push(page.after[0], page.after[1]);
      where.push(`(n.created_at, n.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT n.* FROM notifications.notices n WHERE ${where.join(' AND ')} ORDER BY n.created_at DESC, n.id DESC LIMIT $2`,
      params,
    );
    return rows.map(noticeFromRow);
  },

  /** How many of the tenant's notices stand in each delivery state. */
  async countByStatus(manager: EntityManager, tenantId: string, channel: NoticeChannel | null): Promise<{ status: DeliveryStatus; count: number }[]> {
    const rows: { status: DeliveryStatus; n: string }[] = await manager.query(
      `SELECT status, count(*) AS n FROM notifications.notices WHERE tenant_id = $1 AND ($2::text IS NULL OR channel = $2) GROUP BY status ORDER BY status`,
      [tenantId, channel],
    );
    return rows.map((r) => ({ status: r.status, count: Number(r.n) }));
  },

  async findById(manager: EntityManager, tenantId: string, id: string): Promise<Notice | null> {
    const rows: Record<string, unknown>[] = await manager.query('SELECT * FROM notifications.notices WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
    return rows[0] ? noticeFromRow(rows[0]) : null;
  },

  /** Gives the complainant's notices of a complaint their borrower, once it is known (for the inbox). */
  async assignBorrower(manager: EntityManager, tenantId: string, complaintId: string, borrowerId: string): Promise<void> {
    await manager.query(
      'UPDATE notifications.notices SET borrower_id = $3 WHERE tenant_id = $1 AND complaint_id = $2 AND borrower_id IS NULL AND recipient = $4',
      [tenantId, complaintId, borrowerId, 'COMPLAINANT'],
    );
  },

  /** Notices waiting for the complainant's contact become due again now that it is known. */
  async wakeWaitingForContact(manager: EntityManager, tenantId: string, complaintId: string, now: Date): Promise<void> {
    await manager.query(
      `UPDATE notifications.notices SET next_attempt_at = $3, updated_at = $3
        WHERE tenant_id = $1 AND complaint_id = $2 AND channel IN ('EMAIL', 'SMS') AND status IN ('QUEUED', 'FAILED') AND next_attempt_at > $3`,
      [tenantId, complaintId, now],
    );
  },

  async markRead(manager: EntityManager, tenantId: string, ids: string[], borrowerId: string | null, now: Date): Promise<Notice[]> {
    const rows = await updateReturning<Record<string, unknown>>(
      manager,
      `UPDATE notifications.notices SET read_at = COALESCE(read_at, $3)
        WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND channel = 'IN_APP' AND ($4::text IS NULL OR borrower_id = $4)
        RETURNING *`,
      [tenantId, ids, now, borrowerId],
    );
    return rows.map(noticeFromRow);
  },
};

export function noticeFromRow(row: Record<string, unknown>): Notice {
  const date = (v: unknown) => (v === null || v === undefined ? null : (v as Date));
  return {
    id: row['id'] as string,
    tenantId: row['tenant_id'] as string,
    caseType: row['case_type'] as Notice['caseType'],
    caseId: row['case_id'] as string,
    complaintId: (row['complaint_id'] as string | null) ?? null,
    reference: row['reference'] as string,
    borrowerId: (row['borrower_id'] as string | null) ?? null,
    sourceEventId: row['source_event_id'] as string,
    eventOccurredAt: row['event_occurred_at'] as Date,
    kind: row['kind'] as Notice['kind'],
    regulatory: row['regulatory'] as boolean,
    recipient: row['recipient'] as Notice['recipient'],
    channel: row['channel'] as Notice['channel'],
    locale: row['locale'] as Notice['locale'],
    subject: row['subject'] as string,
    body: row['body'] as string,
    status: row['status'] as Notice['status'],
    attempts: Number(row['attempts'] ?? 0),
    nextAttemptAt: date(row['next_attempt_at']),
    lastError: (row['last_error'] as string | null) ?? null,
    sentAt: date(row['sent_at']),
    deliveredAt: date(row['delivered_at']),
    deadLetteredAt: date(row['dead_lettered_at']),
    providerMessageId: (row['provider_message_id'] as string | null) ?? null,
    readAt: date(row['read_at']),
    createdAt: row['created_at'] as Date,
    updatedAt: row['updated_at'] as Date,
  };
}
