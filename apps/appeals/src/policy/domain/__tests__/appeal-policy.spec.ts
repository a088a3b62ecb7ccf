import { DomainError } from '@redress/domain-kit';
import { changePolicy, defaultPolicy } from '../appeal-policy';

describe('a tenant’s appeals policy', () => {
  const base = defaultPolicy('00000000-0000-4000-8000-000000000001');

  it.each([
    [{ windowDays: 29 }, 'input.windowDays'],
    [{ windowDays: 30.5 }, 'input.windowDays'],
    [{ decisionDays: 0 }, 'input.decisionDays'],
    [{ seriousKinds: ['LOAN'] }, 'input.seriousKinds.0'],
    [{ committeeMinMembers: 1 }, 'input.committeeMinMembers'],
    [{ timeZone: 'Mars/Olympus' }, 'input.timeZone'],
  ])('refuses %j, naming %s', (input, field) => {
    expect(() => changePolicy(base, input)).toThrow(DomainError);
    try {
      changePolicy(base, input);
    } catch (error) {
      expect((error as DomainError).details.field).toBe(field);
    }
  });

  it('accepts a longer window and keeps what was not given', () => {
    const next = changePolicy(base, { windowDays: 45, seriousKinds: ['REFUND_REJECTION', 'REFUND_REJECTION'], clearSeriousAmount: true });
    expect(next).toMatchObject({ windowDays: 45, seriousKinds: ['REFUND_REJECTION'], seriousAmountMinor: null, decisionDays: 15, version: 1 });
  });
});
