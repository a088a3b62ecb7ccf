import type { EntityManager } from 'typeorm';
import type { BorrowerPreferences } from '../domain/preferences';

const fromRow = (r: Record<string, unknown>): BorrowerPreferences => ({
  tenantId: r['tenant_id'] as string,
  borrowerId: r['borrower_id'] as string,
  optedOutChannels: r['opted_out_channels'] as BorrowerPreferences['optedOutChannels'],
  quietHours: r['quiet_hours_start'] ? { start: r['quiet_hours_start'] as string, end: r['quiet_hours_end'] as string } : null,
  updatedAt: r['updated_at'] as Date,
});

export const preferenceRepository = {
  async get(manager: EntityManager, tenantId: string, borrowerId: string): Promise<BorrowerPreferences | null> {
    const rows: Record<string, unknown>[] = await manager.query('SELECT * FROM notifications.preferences WHERE tenant_id = $1 AND borrower_id = $2', [tenantId, borrowerId]);
    return rows[0] ? fromRow(rows[0]) : null;
  },

  async save(manager: EntityManager, p: Omit<BorrowerPreferences, 'updatedAt'>, actorId: string, now: Date): Promise<BorrowerPreferences> {
    const rows: Record<string, unknown>[] = await manager.query(
      `INSERT INTO notifications.preferences (tenant_id, borrower_id, opted_out_channels, quiet_hours_start, quiet_hours_end, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant_id, borrower_id) DO UPDATE SET opted_out_channels = EXCLUDED.opted_out_channels,
         quiet_hours_start = EXCLUDED.quiet_hours_start, quiet_hours_end = EXCLUDED.quiet_hours_end,
         updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
       RETURNING *`,
      [p.tenantId, p.borrowerId, p.optedOutChannels, p.quietHours?.start ?? null, p.quietHours?.end ?? null, now, actorId],
    );
    return fromRow(rows[0]!);
  },
};
