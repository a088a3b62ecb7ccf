import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** One change, as the audit trail keeps it: who, when, what (never a secret or personal data). */
export interface AuditEntry {
  id: string;
  tenantId: string;
  at: Date;
  actorId: string;
  action: string;
  subjectType: 'Tenant' | 'ClientCredential';
  subjectId: string;
  details: Record<string, unknown> | null;
  requestId: string;
}

export interface AuditActor {
  actorId: string;
  requestId: string;
}

interface AuditRow {
  tenant_id: string;
  id: string;
  at: Date;
  actor_id: string;
  action: string;
  subject_type: AuditEntry['subjectType'];
  subject_id: string;
  details: Record<string, unknown> | null;
  request_id: string;
}

/**
 * The append-only trail. Every write happens in the transaction of the change it records, under
 * the tenant the change concerns (RLS applies: `withTenant`), so a change and its entry commit together.
 */
export const auditTrail = {
  async record(
    manager: EntityManager,
    entry: Omit<AuditEntry, 'id' | 'at' | 'actorId' | 'requestId'>,
    actor: AuditActor,
    at: Date,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO tenancy.audit_trail (tenant_id, id, at, actor_id, action, subject_type, subject_id, details, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        entry.tenantId,
        randomUUID(),
        at,
        actor.actorId,
        entry.action,
        entry.subjectType,
        entry.subjectId,
        entry.details === null ? null : JSON.stringify(entry.details),
        actor.requestId,
      ],
    );
  },

  async list(manager: EntityManager, tenantId: string, after: [string, string] | null, limit: number): Promise<AuditEntry[]> {
    const params: unknown[] = [tenantId, limit + 1];
    let cursor = '';
    if (after) {
      params.push(after[0], after[1]);
      cursor = `AND (at, id) < ($3::timestamptz, $4::uuid)`;
    }
    const rows: AuditRow[] = await manager.query(
      `SELECT tenant_id, id, at, actor_id, action, subject_type, subject_id, details, request_id
         FROM tenancy.audit_trail WHERE tenant_id = $1 ${cursor} ORDER BY at DESC, id DESC LIMIT $2`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      tenantId: r.tenant_id,
      at: r.at,
      actorId: r.actor_id,
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      details: r.details,
      requestId: r.request_id,
    }));
  },
};
