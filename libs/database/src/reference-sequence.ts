import type { EntityManager } from 'typeorm';

const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The next number of a tenant's daily reference sequence in `<schema>.reference_sequences`
 * (tenant_id, day, last_value): 1 on the day's first call, then one more each time. The upsert's
 * row lock serialises concurrent callers, so numbers have no gaps or repeats within a committed day.
 */
export async function nextDailySequence(manager: EntityManager, schema: string, tenantId: string, day: string): Promise<number> {
  if (!SCHEMA.test(schema)) throw new Error(`Unsafe schema name "${schema}"`);
  const rows: { last_value: number }[] = await manager.query(
    `INSERT INTO ${schema}.reference_sequences (tenant_id, day, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (tenant_id, day) DO UPDATE SET last_value = reference_sequences.last_value + 1
     RETURNING last_value`,
    [tenantId, day],
  );
  return rows[0]!.last_value;
}
