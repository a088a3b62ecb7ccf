/**
 * TypeORM's PostgreSQL driver returns `[rows, rowCount]` for UPDATE and DELETE, and the rows alone
 * for SELECT and INSERT: this reads the number of rows an UPDATE … RETURNING touched.
 */
export function updatedRows(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[1];
  return Array.isArray(result) ? result.length : 0;
}
