import type { EntityManager } from 'typeorm';
import { updatedRows } from '../../shared/infrastructure/affected-rows';
import type { ExternalRouteCode } from '@redress/contracts';
import { isUuid } from '@redress/domain-kit';
import type { EscalationDirection, EscalationStatus, ExternalEscalation } from '../domain/external-escalation';

export interface EscalationFilter {
  routes: ExternalRouteCode[] | null;
  statuses: EscalationStatus[] | null;
  complaintId: string | null;
  appealId: string | null;
}

/** External escalation records; every method is scoped by tenant. */
export const escalationRepository = {
  /** Returns false when the same body's reference is already recorded (a referral received twice). */
  async insertOnce(manager: EntityManager, e: ExternalEscalation): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO appeals.escalations (tenant_id, id, route, direction, institution, external_reference, complaint_id, appeal_id, borrower_id,
         escalated_at, status, outcome, closed_at, recorded_by, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (tenant_id, route, institution, external_reference) WHERE external_reference IS NOT NULL DO NOTHING RETURNING 1`,
      [e.tenantId, e.id, e.route, e.direction, e.institution, e.externalReference, e.complaintId, e.appealId, e.borrowerId, e.escalatedAt, e.status, e.outcome, e.closedAt, e.recordedBy, e.version],
    );
    return rows.length > 0;
  },

  async updateIfUnchanged(manager: EntityManager, e: ExternalEscalation, readVersion: number): Promise<boolean> {
    const rows: unknown = await manager.query(
      `UPDATE appeals.escalations SET status = $3, outcome = $4, closed_at = $5, version = $6
        WHERE tenant_id = $1 AND id = $2 AND version = $7 RETURNING 1`,
      [e.tenantId, e.id, e.status, e.outcome, e.closedAt, e.version, readVersion],
    );
    return updatedRows(rows) === 1;
  },

  async findByIds(manager: EntityManager, tenantId: string, ids: readonly string[]): Promise<ExternalEscalation[]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return [];
    const rows: Record<string, unknown>[] = await manager.query('SELECT * FROM appeals.escalations WHERE tenant_id = $1 AND id = ANY($2::uuid[])', [tenantId, valid]);
    return rows.map(fromRow);
  },

  async byComplaints(manager: EntityManager, tenantId: string, complaintIds: readonly string[]): Promise<ExternalEscalation[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      'SELECT * FROM appeals.escalations WHERE tenant_id = $1 AND complaint_id = ANY($2::uuid[]) ORDER BY escalated_at, id',
      [tenantId, complaintIds.filter(isUuid)],
    );
    return rows.map(fromRow);
  },

  async list(manager: EntityManager, tenantId: string, filter: EscalationFilter, page: { limit: number; after: [string, string] | null }): Promise<ExternalEscalation[]> {
    const params: unknown[] = [tenantId, page.limit + 1];
    const where = ['tenant_id = $1'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.routes) add('route = ANY(?::text[])', filter.routes);
    if (filter.statuses) add('status = ANY(?::text[])', filter.statuses);
    if (filter.complaintId) add('complaint_id = ?::uuid', filter.complaintId);
    if (filter.appealId) add('appeal_id = ?::uuid', filter.appealId);
    if (page.after) {
      params.push(page.after[0], page.after[1]);
      where.push(`(escalated_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT * FROM appeals.escalations WHERE ${where.join(' AND ')} ORDER BY escalated_at DESC, id DESC LIMIT $2`,
      params,
    );
    return rows.map(fromRow);
  },
};

function fromRow(r: Record<string, unknown>): ExternalEscalation {
  return {
    tenantId: r['tenant_id'] as string,
    id: r['id'] as string,
    route: r['route'] as ExternalRouteCode,
    direction: r['direction'] as EscalationDirection,
    institution: r['institution'] as string,
    externalReference: (r['external_reference'] as string | null) ?? null,
    complaintId: (r['complaint_id'] as string | null) ?? null,
    appealId: (r['appeal_id'] as string | null) ?? null,
    borrowerId: (r['borrower_id'] as string | null) ?? null,
    escalatedAt: r['escalated_at'] as Date,
    status: r['status'] as EscalationStatus,
    outcome: (r['outcome'] as string | null) ?? null,
    closedAt: (r['closed_at'] as Date | null) ?? null,
    recordedBy: r['recorded_by'] as string,
    version: r['version'] as number,
  };
}
