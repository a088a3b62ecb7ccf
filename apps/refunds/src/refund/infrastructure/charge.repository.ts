import type { EntityManager } from 'typeorm';
import type { Money } from '@redress/domain-kit';
import type { Charge } from '../domain/refund';
import type { NamedCharge } from '../domain/refund-request';

interface ChargeRow {
  tenant_id: string;
  id: string;
  reference: string;
  fee_type: string;
  amount_minor: string;
  currency: string;
  charged_at: Date;
  contract_number: string | null;
  committed_minor: string;
  recorded_by: string;
}

const toDomain = (r: ChargeRow): Charge => ({
  tenantId: r.tenant_id,
  id: r.id,
  reference: r.reference,
  feeType: r.fee_type,
  amount: { amountMinor: Number(r.amount_minor), currency: r.currency },
  chargedAt: r.charged_at,
  contractNumber: r.contract_number,
  committedMinor: Number(r.committed_minor),
  recordedBy: r.recorded_by,
});

/** The lender's charges refunds are about, as first recorded on the platform. */
export const chargeRepository = {
  async byReference(manager: EntityManager, tenantId: string, reference: string): Promise<Charge | null> {
    const rows: ChargeRow[] = await manager.query(`SELECT * FROM refunds.charges WHERE tenant_id = $1 AND reference = $2`, [tenantId, reference]);
    return rows[0] ? toDomain(rows[0]) : null;
  },

  async byIds(manager: EntityManager, tenantId: string, ids: readonly string[]): Promise<Charge[]> {
    if (ids.length === 0) return [];
    const rows: ChargeRow[] = await manager.query(`SELECT * FROM refunds.charges WHERE tenant_id = $1 AND id = ANY($2)`, [tenantId, [...new Set(ids)]]);
    return rows.map(toDomain);
  },

  /**
   * Records the charge unless its reference is already recorded; either way returns what is on
   * record. Two requests naming a new charge at once both end up with the same row.
   */
  async recordOrGet(manager: EntityManager, tenantId: string, id: string, named: NamedCharge, recordedBy: string): Promise<Charge> {
    const inserted: ChargeRow[] = await manager.query(
      `INSERT INTO refunds.charges (tenant_id, id, reference, fee_type, amount_minor, currency, charged_at, contract_number, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (tenant_id, reference) DO NOTHING RETURNING *`,
      [tenantId, id, named.reference, named.feeType, named.amount.amountMinor, named.amount.currency, named.chargedAt, named.contractNumber, recordedBy],
    );
    if (inserted[0]) return toDomain(inserted[0]);
    return (await this.byReference(manager, tenantId, named.reference))!;
  },

  /**
   * Commits an approved amount against the charge. The UPDATE takes the charge row's lock, so
   * concurrent approvals on one charge run one after the other, and each sees what the one before
   * it committed; the WHERE clause refuses the one that would go over (the CHECK constraint is the
   * last line of defence). Returns null when it would exceed the charge or is in another currency.
   */
  async commit(manager: EntityManager, tenantId: string, chargeId: string, amount: Money): Promise<Charge | null> {
    const rows: [ChargeRow[], number] = await manager.query(
      `UPDATE refunds.charges SET committed_minor = committed_minor + $3
        WHERE tenant_id = $1 AND id = $2 AND currency = $4 AND committed_minor + $3 <= amount_minor RETURNING *`,
      [tenantId, chargeId, amount.amountMinor, amount.currency],
    );
    const updated = rows[0];
    return updated?.[0] ? toDomain(updated[0]) : null;
  },
};
