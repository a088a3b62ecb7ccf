import { tenantIsolationSql } from '../tenant-isolation';

describe('tenantIsolationSql', () => {
  it('enables RLS and keys the policy on the transaction-local tenant, for reads and writes', () => {
    const [enable, policy] = tenantIsolationSql('complaints.complaints');
    expect(enable).toBe('ALTER TABLE complaints.complaints ENABLE ROW LEVEL SECURITY');
    expect(policy).toContain("USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)");
    expect(policy).toContain("WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)");
  });

  it.each(['complaints', 'complaints.complaints; DROP TABLE x', 'Complaints.x'])('refuses the unsafe table name %j', (name) => {
    expect(() => tenantIsolationSql(name)).toThrow('Unsafe table name');
  });
});
