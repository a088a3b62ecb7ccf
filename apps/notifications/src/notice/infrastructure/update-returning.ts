import type { EntityManager } from 'typeorm';

/** Rows of an `UPDATE … RETURNING`: TypeORM's postgres driver answers those with `[rows, affected]`. */
export async function updateReturning<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const result: unknown = await manager.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
