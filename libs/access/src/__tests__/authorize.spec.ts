import { DomainError } from '@redress/domain-kit';
import { authorize, borrowerScope, can, POLICY, ROLES, type Permission } from '..';

const as = (roles: string[], borrowerId: string | null = null) => ({ actorId: 'a', roles, borrowerId });

describe('access policy', () => {
  it('names only known roles', () => {
    for (const [permission, roles] of Object.entries(POLICY)) {
      for (const role of roles) expect({ permission, role, known: (ROLES as readonly string[]).includes(role) }).toEqual({ permission, role, known: true });
    }
  });

  it.each<[string[], Permission, boolean]>([
    [['handler'], 'complaints.work', true],
    [['partner_app'], 'complaints.work', false],
    [['borrower'], 'complaints.readConfidentialReporter', false],
    [['handler'], 'complaints.readConfidentialReporter', false],
    [['compliance'], 'complaints.readConfidentialReporter', true],
    [['platform_admin'], 'complaints.read', false],
    [['reviewer', 'handler'], 'complaints.work', true],
    [[], 'complaints.read', false],
  ])('%j → %s: %s', (roles, permission, expected) => {
    expect(can(as(roles), permission)).toBe(expected);
  });

  it('refuses with FORBIDDEN naming the permission', () => {
    try {
      authorize(as(['borrower']), 'complaints.work');
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('FORBIDDEN');
      expect((error as DomainError).message).toContain('complaints.work');
    }
  });

  it('scopes borrowers to themselves, and a borrower without an id to nothing', () => {
    expect(borrowerScope(as(['handler']))).toBeNull();
    expect(borrowerScope(as(['partner_app'], 'C-1'))).toEqual({ borrowerId: 'C-1' });
    expect(borrowerScope(as(['borrower']))?.borrowerId).not.toBe('');
  });
});
