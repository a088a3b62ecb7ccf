import { DomainError } from '@redress/domain-kit';
import { updateEscalation, validateEscalation, type ExternalEscalation } from '../external-escalation';

const now = new Date('2026-11-25T08:00:00Z');
const open: ExternalEscalation = {
  tenantId: 't',
  id: 'e',
  route: 'REGULATOR',
  direction: 'INBOUND',
  institution: '国家金融监督管理总局 12378 热线',
  externalReference: '12378-2026-0042',
  complaintId: 'c',
  appealId: null,
  borrowerId: 'CUST-1',
  escalatedAt: now,
  status: 'OPEN',
  outcome: null,
  closedAt: null,
  recordedBy: 'system',
  version: 1,
};

describe('external escalations', () => {
  it.each([
    [{ route: 'POLICE' }, 'input.route'],
    [{ institution: ' ' }, 'input.institution'],
    [{ escalatedAt: new Date('2026-11-26T08:00:00Z') }, 'input.escalatedAt'],
    [{ complaintId: null }, 'input.complaintId'],
  ])('refuses %j', (change, field) => {
    const input = { route: 'COURT', institution: '北京互联网法院', escalatedAt: now, complaintId: 'c', ...change };
    try {
      validateEscalation(input, now);
      throw new Error('accepted');
    } catch (error) {
      expect((error as DomainError).details.field).toBe(field);
    }
  });

  it.each([
    ['OPEN', 'IN_PROGRESS', null, 'IN_PROGRESS'],
    ['OPEN', 'CLOSED', null, 'BAD_USER_INPUT'],
    ['OPEN', 'CLOSED', '监管转办已答复，投诉人满意', 'CLOSED'],
    ['CLOSED', 'OPEN', null, 'CONFLICT'],
  ] as const)('%s → %s', (from, to, outcome, expected) => {
    const current = { ...open, status: from, outcome: from === 'CLOSED' ? '已结案' : null };
    let result: string;
    try {
      result = updateEscalation(current, to, outcome, now).status;
    } catch (error) {
      result = (error as DomainError).code;
    }
    expect(result).toBe(expected);
  });
});
