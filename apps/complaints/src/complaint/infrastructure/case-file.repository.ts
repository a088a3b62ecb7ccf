import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { isUuid } from '@redress/domain-kit';
import type { CaseNote, Communication } from '../domain/case-file';
import type { ClockPolicy } from '../domain/clock-policy';
import type { Evidence } from '../domain/evidence';
import { CaseNoteEntity, CommunicationEntity, EvidenceEntity } from './complaint.entity';

export interface TenantSettings {
  tenantId: string;
  code: string;
  timeZone: string;
  clockPolicy: ClockPolicy;
  revision: number;
}

export interface AuditEntry {
  tenantId: string;
  actorId: string;
  roles: readonly string[];
  /** What happened, e.g. `step:accept`, `read:confidential-reporter`. */
  action: string;
  complaintId: string | null;
  detail?: Record<string, unknown>;
}

export interface StoredEvidence extends Evidence {
  id: string;
  complaintId: string;
  addedBy: string;
  addedAt: Date;
}

/** The records around a complaint: evidence, contacts, notes, the audit trail, tenant settings. */
export const caseFileRepository = {
  async addCommunication(manager: EntityManager, communication: Communication): Promise<void> {
    await manager.getRepository(CommunicationEntity).insert(communication);
  },

  async communicationsOf(manager: EntityManager, tenantId: string, complaintIds: readonly string[]): Promise<Communication[]> {
    const rows = await manager
      .getRepository(CommunicationEntity)
      .createQueryBuilder('m')
      .where('m.tenant_id = :tenantId AND m.complaint_id = ANY(:ids)', { tenantId, ids: complaintIds.filter(isUuid) })
      .orderBy('m.at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .getMany();
    return rows as Communication[];
  },

  async addNote(manager: EntityManager, note: CaseNote): Promise<void> {
    await manager.getRepository(CaseNoteEntity).insert(note);
  },

  async notesOf(manager: EntityManager, tenantId: string, complaintIds: readonly string[]): Promise<CaseNote[]> {
    const rows = await manager
      .getRepository(CaseNoteEntity)
      .createQueryBuilder('n')
      .where('n.tenant_id = :tenantId AND n.complaint_id = ANY(:ids)', { tenantId, ids: complaintIds.filter(isUuid) })
      .orderBy('n.at', 'ASC')
      .getMany();
    return rows as CaseNote[];
  },

  async evidenceOf(manager: EntityManager, tenantId: string, complaintIds: readonly string[]): Promise<StoredEvidence[]> {
    const rows = await manager
      .getRepository(EvidenceEntity)
      .createQueryBuilder('e')
      .where('e.tenant_id = :tenantId AND e.complaint_id = ANY(:ids)', { tenantId, ids: complaintIds.filter(isUuid) })
      .orderBy('e.added_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getMany();
    return rows.map((r) => ({ ...r, kind: r.kind as Evidence['kind'], sizeBytes: Number(r.sizeBytes) }));
  },

  /** Appends to the audit trail (the table refuses updates and deletes). */
  async audit(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO complaints.audit_log (tenant_id, id, actor_id, roles, action, complaint_id, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [entry.tenantId, randomUUID(), entry.actorId, [...entry.roles], entry.action, entry.complaintId, JSON.stringify(entry.detail ?? {})],
    );
  },

  async auditOf(manager: EntityManager, tenantId: string, complaintId: string): Promise<{ at: Date; actorId: string; action: string; detail: Record<string, unknown> }[]> {
    const rows: { at: Date; actor_id: string; action: string; detail: Record<string, unknown> }[] = await manager.query(
      `SELECT at, actor_id, action, detail FROM complaints.audit_log WHERE tenant_id = $1 AND complaint_id = $2 ORDER BY at, id`,
      [tenantId, complaintId],
    );
    return rows.map((r) => ({ at: r.at, actorId: r.actor_id, action: r.action, detail: r.detail }));
  },

  async tenantSettings(manager: EntityManager, tenantId: string): Promise<TenantSettings | null> {
    const [row]: { tenant_id: string; code: string; time_zone: string; clock_policy: ClockPolicy; revision: number }[] = await manager.query(
      `SELECT tenant_id, code, time_zone, clock_policy, revision FROM complaints.tenant_settings WHERE tenant_id = $1`,
      [tenantId],
    );
    return row ? { tenantId: row.tenant_id, code: row.code, timeZone: row.time_zone, clockPolicy: row.clock_policy, revision: row.revision } : null;
  },

  /** Stores the tenant's settings unless a later revision is already stored (events may arrive late or twice). */
  async saveTenantSettings(manager: EntityManager, settings: TenantSettings): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO complaints.tenant_settings (tenant_id, code, time_zone, clock_policy, revision) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id) DO UPDATE SET code = EXCLUDED.code, time_zone = EXCLUDED.time_zone, clock_policy = EXCLUDED.clock_policy,
         revision = EXCLUDED.revision, updated_at = now()
       WHERE complaints.tenant_settings.revision < EXCLUDED.revision
       RETURNING 1`,
      [settings.tenantId, settings.code, settings.timeZone, JSON.stringify(settings.clockPolicy), settings.revision],
    );
    return rows.length > 0;
  },

  /** Claims an upheld appeal for reopening: false when it was acted on already. */
  async claimAppealReopening(manager: EntityManager, tenantId: string, appealId: string, complaintId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO complaints.appeal_reopenings (tenant_id, appeal_id, complaint_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
      [tenantId, appealId, complaintId],
    );
    return rows.length > 0;
  },
};
