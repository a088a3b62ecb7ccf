import type { EntityManager } from 'typeorm';
import type { Page } from '@redress/graphql-kit';
import type { MediatorCandidate } from '../../case/domain/recusal';
import type { Institution, Mediator } from '../domain/registry';

interface InstitutionRow {
  tenant_id: string;
  id: string;
  name: string;
  kind: Institution['kind'];
  registration_number: string | null;
  active: boolean;
  created_at: Date;
}

interface MediatorRow {
  tenant_id: string;
  id: string;
  institution_id: string;
  actor_id: string;
  name: string;
  qualifications: Mediator['qualifications'];
  declared_interests: string[];
  active: boolean;
  created_at: Date;
  institution_kind?: Institution['kind'];
  available?: boolean;
}

const toInstitution = (r: InstitutionRow): Institution => ({
  tenantId: r.tenant_id,
  id: r.id,
  name: r.name,
  kind: r.kind,
  registrationNumber: r.registration_number,
  active: r.active,
  createdAt: r.created_at,
});

const toMediator = (r: MediatorRow): Mediator => ({
  tenantId: r.tenant_id,
  id: r.id,
  institutionId: r.institution_id,
  actorId: r.actor_id,
  name: r.name,
  qualifications: r.qualifications,
  declaredInterests: r.declared_interests,
  active: r.active,
  createdAt: r.created_at,
});

const keyset = (page: Page<[string, string]>, params: unknown[]) => {
  if (!page.after) return '';
  params.push(page.after[0], page.after[1]);
  return ` AND (created_at, id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
};

/** The tenant's registry of mediation institutions and their mediators. */
export const registryRepository = {
  async insertInstitution(manager: EntityManager, i: Institution): Promise<void> {
    await manager.query(
      `INSERT INTO mediation.institutions (tenant_id, id, name, kind, registration_number, active, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [i.tenantId, i.id, i.name, i.kind, i.registrationNumber, i.active, i.createdAt],
    );
  },

  async insertMediator(manager: EntityManager, m: Mediator): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO mediation.mediators (tenant_id, id, institution_id, actor_id, name, qualifications, declared_interests, active, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (tenant_id, actor_id) DO NOTHING RETURNING 1`,
      [m.tenantId, m.id, m.institutionId, m.actorId, m.name, JSON.stringify(m.qualifications), m.declaredInterests, m.active, m.createdAt],
    );
    return rows.length === 1;
  },

  async setMediatorActive(manager: EntityManager, tenantId: string, id: string, active: boolean): Promise<boolean> {
    const [, affected]: [unknown, number] = await manager.query(`UPDATE mediation.mediators SET active = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, id, active]);
    return affected === 1;
  },

  async institutionsByIds(manager: EntityManager, tenantId: string, ids: readonly string[]): Promise<Institution[]> {
    const rows: InstitutionRow[] = await manager.query(`SELECT * FROM mediation.institutions WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [tenantId, ids]);
    return rows.map(toInstitution);
  },

  async mediatorsByIds(manager: EntityManager, tenantId: string, ids: readonly string[]): Promise<Mediator[]> {
    const rows: MediatorRow[] = await manager.query(`SELECT * FROM mediation.mediators WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [tenantId, ids]);
    return rows.map(toMediator);
  },

  /** A mediator as an assignment needs to see them, or null when the tenant's registry has no such mediator. */
  async candidate(manager: EntityManager, tenantId: string, mediatorId: string): Promise<MediatorCandidate | null> {
    const rows: MediatorRow[] = await manager.query(
      `SELECT m.*, i.kind AS institution_kind, (m.active AND i.active) AS available
         FROM mediation.mediators m JOIN mediation.institutions i ON i.tenant_id = m.tenant_id AND i.id = m.institution_id
        WHERE m.tenant_id = $1 AND m.id = $2`,
      [tenantId, mediatorId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      actorId: r.actor_id,
      name: r.name,
      institutionId: r.institution_id,
      institutionKind: r.institution_kind!,
      active: r.available!,
      qualificationsValidUntil: r.qualifications.map((q) => q.validUntil),
      declaredInterests: r.declared_interests,
    };
  },

  async listInstitutions(manager: EntityManager, tenantId: string, page: Page<[string, string]>): Promise<Institution[]> {
    const params: unknown[] = [tenantId];
    const after = keyset(page, params);
    params.push(page.limit + 1);
    const rows: InstitutionRow[] = await manager.query(
      `SELECT * FROM mediation.institutions WHERE tenant_id = $1${after} ORDER BY created_at, id LIMIT $${params.length}`,
      params,
    );
    return rows.map(toInstitution);
  },

  async listMediators(manager: EntityManager, tenantId: string, institutionId: string | null, page: Page<[string, string]>): Promise<Mediator[]> {
    const params: unknown[] = [tenantId];
    let where = '';
    if (institutionId) {
      params.push(institutionId);
      where = ` AND institution_id = $${params.length}`;
    }
    const after = keyset(page, params);
    params.push(page.limit + 1);
    const rows: MediatorRow[] = await manager.query(
      `SELECT * FROM mediation.mediators WHERE tenant_id = $1${where}${after} ORDER BY created_at, id LIMIT $${params.length}`,
      params,
    );
    return rows.map(toMediator);
  },
};
