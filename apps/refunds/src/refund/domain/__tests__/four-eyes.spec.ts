import { DomainError, ValidationError } from '@redress/domain-kit';
import { DEFAULT_REFUND_POLICY } from '../../../policy/domain/refund-policy';
import { approvalsRequired, decideApproval } from '../four-eyes';
import type { Refund } from '../refund';

const now = new Date('2026-11-25T06:00:00Z');
const policy = DEFAULT_REFUND_POLICY; // second approver above ¥5,000

const refund = (overrides: Partial<Refund> = {}): Refund => ({
  tenantId: '6f1c2d1e-5a0b-4c3d-9e8f-7a6b5c4d3e21',
  id: '0b0e8f0a-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
  reference: 'TF20261125-000001',
  sourceKey: 'request:k1',
  channel: 'HOTLINE',
  status: 'IN_REVIEW',
  borrowerId: 'NWD-C-000321',
  complaintId: null,
  chargeId: '1b0e8f0a-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
  chargeReference: 'NWD-FEE-0001',
  feeType: 'SERVICE_FEE',
  amount: { amountMinor: 38_000, currency: 'CNY' },
  reason: '提前结清后仍被收取服务费',
  documents: [],
  circumstances: [],
  payoutMethod: 'ORIGINAL_PAYMENT_METHOD',
  payoutAccountSealed: null,
  payoutAccountHint: null,
  locale: 'zh-CN',
  requestedBy: 'staff:wang',
  handlerId: 'staff:wang',
  policyVersion: 1,
  evaluation: { verdict: 'ELIGIBLE', policyVersion: 1, evaluatedAt: now, lines: [] },
  approvals: [],
  overrideReason: null,
  rejection: null,
  requestedAt: now,
  reviewDueAt: now,
  reviewWarnAt: now,
  approvedAt: null,
  payoutDueAt: null,
  payoutWarnAt: null,
  version: 1,
  ...overrides,
});
const handler = (id: string) => ({ actorId: id, maySecondApprove: false });
const supervisor = (id: string) => ({ actorId: id, maySecondApprove: true });
const approvedBy = (...ids: string[]) => ids.map((id) => ({ approverId: id, at: now, note: null, asSupervisor: id.startsWith('sup') }));
const big = { amount: { amountMinor: 600_000, currency: 'CNY' } };

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('the four-eyes rule', () => {
  it.each([
    [{ amountMinor: 500_000, currency: 'CNY' }, 1],
    [{ amountMinor: 500_001, currency: 'CNY' }, 2],
    [{ amountMinor: 100, currency: 'USD' }, 2],
  ])('needs approvals for %j: %i', (amount, n) => expect(approvalsRequired(policy, amount)).toBe(n));

  it.each<[string, Partial<Refund>, { actorId: string; maySecondApprove: boolean }, 'approved' | 'needs-another']>([
    ['one approver within the threshold', { handlerId: null, requestedBy: 'partner-app' }, handler('staff:li'), 'approved'],
    ['the handler alone, even within the threshold', { requestedBy: 'partner-app', handlerId: 'staff:li' }, handler('staff:li'), 'needs-another'],
    ['someone other than the handler, within the threshold', {}, handler('staff:li'), 'approved'],
    ['the first of two above the threshold', big, supervisor('sup:zhao'), 'needs-another'],
    ['the second, different approver above the threshold', { ...big, status: 'AWAITING_SECOND_APPROVAL', approvals: approvedBy('staff:li') }, supervisor('sup:zhao'), 'approved'],
    ['a second approver after the handler, within the threshold', { requestedBy: 'partner-app', handlerId: 'staff:li', status: 'AWAITING_SECOND_APPROVAL', approvals: approvedBy('staff:li') }, handler('staff:chen'), 'approved'],
  ])('%s', (_name, overrides, approver, kind) => {
    expect(decideApproval(refund(overrides), policy, approver, null, null, now).kind).toBe(kind);
  });

  it.each<[string, Partial<Refund>, { actorId: string; maySecondApprove: boolean }, string, string]>([
    ['the requester', {}, supervisor('staff:wang'), 'FORBIDDEN', 'REQUESTER_MAY_NOT_APPROVE'],
    ['the same approver twice', { ...big, status: 'AWAITING_SECOND_APPROVAL', approvals: approvedBy('sup:zhao') }, supervisor('sup:zhao'), 'FORBIDDEN', 'SAME_APPROVER_TWICE'],
    ['two handlers above the threshold, no supervisor', { ...big, status: 'AWAITING_SECOND_APPROVAL', approvals: approvedBy('staff:li') }, handler('staff:chen'), 'FORBIDDEN', 'SECOND_APPROVER_ROLE'],
    ['a refund without its charge on record', { chargeId: null, evaluation: { verdict: 'INELIGIBLE', policyVersion: 1, evaluatedAt: now, lines: [{ rule: 'CHARGE_RECORDED', outcome: 'FAILED', detail: '', plainWords: '' }] } }, handler('staff:li'), 'CONFLICT', 'CHARGE_RECORDED'],
  ])('refuses %s', (_name, overrides, approver, code, rule) => {
    const error = refusal(() => decideApproval(refund(overrides), policy, approver, null, null, now));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(code);
    expect(error.details['rule']).toBe(rule);
  });

  it('refuses a refund that is not under review, naming both states', () => {
    const error = refusal(() => decideApproval(refund({ status: 'REJECTED' }), policy, handler('staff:li'), null, null, now));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('REJECTED');
    expect(error.message).toContain('IN_REVIEW');
  });

  it('approves an ineligible request only with a reason for overriding the policy', () => {
    const ineligible = refund({ evaluation: { verdict: 'INELIGIBLE', policyVersion: 1, evaluatedAt: now, lines: [{ rule: 'WITHIN_TIME_LIMIT', outcome: 'FAILED', detail: '', plainWords: '' }] } });
    const error = refusal(() => decideApproval(ineligible, policy, handler('staff:li'), null, null, now));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.details.field).toBe('input.overrideReason');
    expect(decideApproval(ineligible, policy, handler('staff:li'), null, '投诉处理决定已同意退还', now).kind).toBe('approved');
  });
});
