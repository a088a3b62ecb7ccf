import type { EntityManager } from 'typeorm';
import { isUuid } from '@redress/domain-kit';
import { updatedRows } from '../../shared/infrastructure/affected-rows';
import type { MatterCase } from '../domain/suggestion-rule';
import type { CaseType, RelatedCaseRef, RelatedMatter } from '../domain/related-matter';

export interface RelatedCase extends RelatedCaseRef {
  matterId: string;
  addedBy: string;
  addedAt: Date;
}

/** Related matters, their cases, and the cases the suggestion rule looks at. Scoped by tenant. */
export const relatedMatterRepository = {
  /** Remembers a case the suggestion rule may group (one row per issue of the case). */
  async noteCase(manager: EntityManager, tenantId: string, c: MatterCase): Promise<void> {
    await manager.query(
      `INSERT INTO appeals.matter_cases (tenant_id, case_type, case_id, borrower_id, product_name, issue, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [tenantId, c.caseType, c.caseId, c.borrowerId, c.productName, c.issue, c.occurredAt],
    );
  },

  /** A complaint the service heard of, so staff may group it. */
  async noteComplaint(manager: EntityManager, tenantId: string, c: { id: string; reference: string; productName: string; receivedAt: Date }): Promise<void> {
    await manager.query(
      `INSERT INTO appeals.complaints (tenant_id, id, reference, product_name, received_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [tenantId, c.id, c.reference, c.productName, c.receivedAt],
    );
  },

  /** The product of a complaint this service heard of, if any. */
  async productOfComplaint(manager: EntityManager, tenantId: string, complaintId: string | null): Promise<string | null> {
    if (!complaintId) return null;
    const rows: { product_name: string }[] = await manager.query('SELECT product_name FROM appeals.complaints WHERE tenant_id = $1 AND id = $2', [tenantId, complaintId]);
    return rows[0]?.product_name ?? null;
  },

  async close(manager: EntityManager, tenantId: string, matterId: string): Promise<boolean> {
    const rows: unknown = await manager.query(
      `UPDATE appeals.related_matters SET status = 'CLOSED' WHERE tenant_id = $1 AND id = $2 AND status = 'OPEN' RETURNING 1`,
      [tenantId, matterId],
    );
    return updatedRows(rows) === 1;
  },

  /** Cases since `since` that are in no matter yet (a case grouped once, even in a closed matter, is not suggested again). */
  async ungroupedCasesSince(manager: EntityManager, tenantId: string, since: Date): Promise<MatterCase[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT c.* FROM appeals.matter_cases c
        WHERE c.tenant_id = $1 AND c.occurred_at >= $2
          AND NOT EXISTS (
            SELECT 1 FROM appeals.related_matter_cases rc
             WHERE rc.tenant_id = c.tenant_id AND rc.case_type = c.case_type AND rc.case_id = c.case_id)
        ORDER BY c.occurred_at LIMIT 20000`,
      [tenantId, since],
    );
    return rows.map((r) => ({
      caseType: r['case_type'] as CaseType,
      caseId: r['case_id'] as string,
      borrowerId: (r['borrower_id'] as string | null) ?? null,
      productName: r['product_name'] as string,
      issue: r['issue'] as string,
      occurredAt: r['occurred_at'] as Date,
    }));
  },

  async insert(manager: EntityManager, m: RelatedMatter): Promise<void> {
    await manager.query(
      `INSERT INTO appeals.related_matters (tenant_id, id, title, product_name, issue, origin, status, opened_by, opened_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [m.tenantId, m.id, m.title, m.productName, m.issue, m.origin, m.status, m.openedBy, m.openedAt],
    );
  },

  /** Returns false when the case is already in the matter. */
  async addCase(manager: EntityManager, tenantId: string, c: RelatedCase): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO appeals.related_matter_cases (tenant_id, matter_id, case_type, case_id, added_by, added_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING 1`,
      [tenantId, c.matterId, c.caseType, c.caseId, c.addedBy, c.addedAt],
    );
    return rows.length > 0;
  },

  /** Which of these cases the tenant knows (complaints it learnt of, appeals it holds). */
  async knownCases(manager: EntityManager, tenantId: string, refs: RelatedCaseRef[]): Promise<Set<string>> {
    const complaints = refs.filter((r) => r.caseType === 'COMPLAINT' && isUuid(r.caseId)).map((r) => r.caseId);
    const appeals = refs.filter((r) => r.caseType === 'APPEAL' && isUuid(r.caseId)).map((r) => r.caseId);
    const rows: { key: string }[] = await manager.query(
      `SELECT 'COMPLAINT:' || id AS key FROM appeals.complaints WHERE tenant_id = $1 AND id = ANY($2::uuid[])
       UNION SELECT 'COMPLAINT:' || complaint_id FROM appeals.decisions WHERE tenant_id = $1 AND complaint_id = ANY($2::uuid[])
       UNION SELECT 'COMPLAINT:' || complaint_id FROM appeals.escalations WHERE tenant_id = $1 AND complaint_id = ANY($2::uuid[])
       UNION SELECT 'APPEAL:' || id FROM appeals.appeals WHERE tenant_id = $1 AND id = ANY($3::uuid[])`,
      [tenantId, complaints, appeals],
    );
    return new Set(rows.map((r) => r.key));
  },

  async findByIds(manager: EntityManager, tenantId: string, ids: readonly string[]): Promise<RelatedMatter[]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return [];
    const rows: Record<string, unknown>[] = await manager.query('SELECT * FROM appeals.related_matters WHERE tenant_id = $1 AND id = ANY($2::uuid[])', [tenantId, valid]);
    return rows.map(fromRow);
  },

  async list(manager: EntityManager, tenantId: string, page: { limit: number; after: [string, string] | null }): Promise<RelatedMatter[]> {
    const params: unknown[] = [tenantId, page.limit + 1];
    let after = '';
    if (page.after) {
      params.push(page.after[0], page.after[1]);
      after = 'AND (opened_at, id) < ($3::timestamptz, $4::uuid)';
    }
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT * FROM appeals.related_matters WHERE tenant_id = $1 ${after} ORDER BY opened_at DESC, id DESC LIMIT $2`,
      params,
    );
    return rows.map(fromRow);
  },

  async casesOf(manager: EntityManager, tenantId: string, matterIds: readonly string[]): Promise<RelatedCase[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      'SELECT * FROM appeals.related_matter_cases WHERE tenant_id = $1 AND matter_id = ANY($2::uuid[]) ORDER BY added_at, case_id',
      [tenantId, matterIds.filter(isUuid)],
    );
    return rows.map((r) => ({
      matterId: r['matter_id'] as string,
      caseType: r['case_type'] as CaseType,
      caseId: r['case_id'] as string,
      addedBy: r['added_by'] as string,
      addedAt: r['added_at'] as Date,
    }));
  },
};

function fromRow(r: Record<string, unknown>): RelatedMatter {
  return {
    tenantId: r['tenant_id'] as string,
    id: r['id'] as string,
    title: r['title'] as string,
    productName: r['product_name'] as string,
    issue: r['issue'] as string,
    origin: r['origin'] as RelatedMatter['origin'],
    status: r['status'] as RelatedMatter['status'],
    openedBy: r['opened_by'] as string,
    openedAt: r['opened_at'] as Date,
  };
}
