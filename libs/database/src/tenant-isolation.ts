const QUALIFIED = /^[a-z_][a-z0-9_]{0,62}\.[a-z_][a-z0-9_]{0,62}$/;

/**
 * Row-level security for a tenant-owned table: rows are visible and writable only under the
 * transaction-local `app.tenant_id` (see `withTenant`); with no tenant set, nothing is.
 */
export function tenantIsolationSql(qualifiedTable: string): string[] {
  if (!QUALIFIED.test(qualifiedTable)) throw new Error(`Unsafe table name "${qualifiedTable}"`);
  return [
    `ALTER TABLE ${qualifiedTable} ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY tenant_isolation ON ${qualifiedTable}
      USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
      WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)`,
  ];
}
