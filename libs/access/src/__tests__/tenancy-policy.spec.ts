import { can, PLATFORM_TENANT_ID, type Permission } from '..';

const as = (roles: string[]) => ({ actorId: 'a', roles, borrowerId: null });

describe('tenancy access policy', () => {
  it.each<[string[], Permission, boolean]>([
    [['platform_admin'], 'tenancy.manageTenants', true],
    [['tenant_admin'], 'tenancy.manageTenants', false],
    [['handler'], 'tenancy.listTenants', false],
    [['tenant_admin'], 'tenancy.manageClientCredentials', true],
    [['partner_app'], 'tenancy.manageClientCredentials', false],
    [['platform_admin'], 'tenancy.manageClientCredentials', false],
    [['partner_app'], 'tenancy.readOwnTenant', true],
    [['borrower'], 'tenancy.readOwnTenant', false],
    [['compliance'], 'tenancy.readAuditTrail', true],
    [['handler'], 'tenancy.readAuditTrail', false],
  ])('%j → %s: %s', (roles, permission, expected) => {
    expect(can(as(roles), permission)).toBe(expected);
  });

  it('gives platform operators a tenant id no lender can have', () => {
    expect(PLATFORM_TENANT_ID).toBe('00000000-0000-0000-0000-000000000000');
  });
});
