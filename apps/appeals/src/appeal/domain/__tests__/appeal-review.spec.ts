import { DomainError } from '@redress/domain-kit';
import type { AppealableDecision } from '../../../decision/domain/appealable-decision';
import { assignReviewer, castVote, decide, isSerious, referToCommittee, tally, withdraw, type Appeal } from '../appeal';

const decision: AppealableDecision = {
  tenantId: 't',
  id: 'd',
  kind: 'COMPLAINT_DECISION',
  subjectId: 's',
  subjectReference: 'TS20261125-000001',
  sourceDecisionId: 'sd',
  complaintId: 's',
  borrowerId: 'CUST-1',
  productName: '你我贷·极速借',
  issue: 'SERVICE_FEE',
  outcome: 'NOT_UPHELD',
  summary: '服务费按合同收取',
  amount: { amountMinor: 38_000, currency: 'CNY' },
  deciderIds: ['handler:zhou-min', 'reviewer:li-qiang'],
  receivedAt: new Date('2026-11-25T02:00:00Z'),
  announcedWindow: { lastDay: '2026-12-25', closesAt: new Date('2026-12-25T16:00:00Z') },
  locale: 'zh-CN',
  learntAt: new Date('2026-11-25T02:00:01Z'),
};

const filed: Appeal = {
  tenantId: 't',
  id: 'a',
  reference: 'SS20261126-000001',
  decisionId: 'd',
  kind: 'COMPLAINT_DECISION',
  subjectId: 's',
  sourceDecisionId: 'sd',
  complaintId: 's',
  borrowerId: 'CUST-1',
  locale: 'zh-CN',
  status: 'FILED',
  serious: false,
  grounds: '合同未载明服务费',
  topic: 'INTEREST_FEE_TRANSPARENCY',
  feeType: 'SERVICE_FEE',
  requestedRemedy: null,
  productName: '你我贷·极速借',
  filedAt: new Date('2026-11-26T02:00:00Z'),
  filedBy: 'borrower:CUST-1',
  decisionDueAt: new Date('2026-12-11T16:00:00Z'),
  reviewerId: null,
  committee: [],
  outcome: null,
  outcomeReasons: null,
  decidedBy: null,
  decidedAt: null,
  withdrawnReason: null,
  version: 1,
};
const at = new Date('2026-11-30T02:00:00Z');

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? `${error.code}:${error.details.field ?? ''}` : 'other';
  }
  return undefined;
}

describe('independent review', () => {
  it.each([
    ['the original handler', 'handler:zhou-min', 'BAD_USER_INPUT:input.reviewerId'],
    ['a reviewer of the internal review', 'reviewer:li-qiang', 'BAD_USER_INPUT:input.reviewerId'],
    ['someone else', 'reviewer:wang-fang', undefined],
  ])('assigning %s', (_who, reviewerId, expected) => {
    expect(codeOf(() => assignReviewer(filed, decision, reviewerId))).toBe(expected);
  });

  it('lets only the assigned reviewer decide, with reasons', () => {
    const reviewing = assignReviewer(filed, decision, 'reviewer:wang-fang');
    expect(reviewing).toMatchObject({ status: 'UNDER_REVIEW', reviewerId: 'reviewer:wang-fang', version: 2 });
    expect(codeOf(() => decide(reviewing, 'handler:zhou-min', 'DISMISSED', '维持原决定', at))).toBe('FORBIDDEN:input.appealId');
    expect(codeOf(() => decide(reviewing, 'reviewer:wang-fang', 'UPHELD', '  ', at))).toBe('BAD_USER_INPUT:input.reasons');
    expect(decide(reviewing, 'reviewer:wang-fang', 'UPHELD', '合同未披露服务费', at)).toMatchObject({ status: 'UPHELD', outcome: 'UPHELD', decidedBy: 'reviewer:wang-fang' });
  });

  it('refuses a decided appeal a second decision, naming both states', () => {
    const upheld = decide(assignReviewer(filed, decision, 'reviewer:wang-fang'), 'reviewer:wang-fang', 'UPHELD', '理由', at);
    expect(codeOf(() => decide(upheld, 'reviewer:wang-fang', 'DISMISSED', '理由', at))).toBe('CONFLICT:input.appealId');
    expect(codeOf(() => withdraw(upheld, null))).toBe('CONFLICT:input.appealId');
  });

  it('sends a serious appeal to the committee, not a single reviewer', () => {
    expect(codeOf(() => assignReviewer({ ...filed, serious: true }, decision, 'reviewer:wang-fang'))).toBe('CONFLICT:input.appealId');
  });
});

describe('serious appeals', () => {
  const policy = { seriousKinds: ['MEDIATION_RESULT' as const], seriousAmountMinor: 1_000_000 };
  it.each([
    ['a mediation result', { kind: 'MEDIATION_RESULT' as const, amount: null }, true],
    ['a large refund', { kind: 'REFUND_REJECTION' as const, amount: { amountMinor: 1_000_000, currency: 'CNY' } }, true],
    ['a small refund', { kind: 'REFUND_REJECTION' as const, amount: { amountMinor: 999_999, currency: 'CNY' } }, false],
    ['a complaint decision without an amount', { kind: 'COMPLAINT_DECISION' as const, amount: null }, false],
  ])('%s', (_name, d, serious) => {
    expect(isSerious(d, policy)).toBe(serious);
  });
});

describe('the review committee', () => {
  const members = ['reviewer:wang-fang', 'reviewer:chen-jie', 'supervisor:liu-yang'];
  const inCommittee = referToCommittee({ ...filed, serious: true }, decision, members, 'supervisor:liu-yang', 3);

  it('needs enough independent members and a chair among them', () => {
    expect(codeOf(() => referToCommittee(filed, decision, members.slice(0, 2), members[0]!, 3))).toBe('BAD_USER_INPUT:input.memberIds');
    expect(codeOf(() => referToCommittee(filed, decision, [...members.slice(0, 2), 'handler:zhou-min'], members[0]!, 3))).toBe(
      'BAD_USER_INPUT:input.memberIds.2',
    );
    expect(codeOf(() => referToCommittee(filed, decision, members, 'reviewer:someone-else', 3))).toBe('BAD_USER_INPUT:input.chairId');
    expect(inCommittee.status).toBe('IN_COMMITTEE');
    expect(inCommittee.committee.filter((s) => s.isChair).map((s) => s.memberId)).toEqual(['supervisor:liu-yang']);
  });

  it('records each member’s vote once, and the chair decides after a majority voted', () => {
    const one = castVote(inCommittee, 'reviewer:wang-fang', 'UPHOLD', '合同条款不清', at);
    expect(codeOf(() => castVote(one, 'reviewer:wang-fang', 'DISMISS', null, at))).toBe('CONFLICT:input.vote');
    expect(codeOf(() => castVote(one, 'handler:zhou-min', 'DISMISS', null, at))).toBe('FORBIDDEN:input.appealId');
    expect(codeOf(() => decide(one, 'supervisor:liu-yang', 'UPHELD', '委员会决定', at))).toBe('CONFLICT:input.appealId');
    const two = castVote(one, 'reviewer:chen-jie', 'DISMISS', null, at);
    expect(tally(two)).toEqual({ uphold: 1, dismiss: 1, pending: 1 });
    expect(codeOf(() => decide(two, 'reviewer:wang-fang', 'UPHELD', '委员会决定', at))).toBe('FORBIDDEN:input.appealId');
    const decided = decide(two, 'supervisor:liu-yang', 'UPHELD', '主任委员裁定：支持申诉', at);
    expect(decided).toMatchObject({ status: 'UPHELD', decidedBy: 'supervisor:liu-yang' });
    expect(decided.committee.map((s) => s.vote)).toEqual(['UPHOLD', 'DISMISS', null]);
  });
});
