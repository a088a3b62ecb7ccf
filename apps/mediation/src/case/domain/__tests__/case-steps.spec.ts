import { applyStep, type CaseStepRequest } from '../case-steps';
import { validateHardship } from '../case-input';
import type { MediationCase } from '../mediation-case';
import { borrowerCase, later, mediator, NOW, referredCase } from './fixtures';

const run = (c: MediationCase, steps: [CaseStepRequest, string][]) =>
  steps.reduce((acc, [request, actor], i) => applyStep(acc, request, actor, later(i + 1)).case, c);

const refund = { kind: 'REFUND', description: '退还多收违约金', amount: { amountMinor: 20_000, currency: 'CNY' }, feeType: 'LATE_FEE', chargeReference: null, plan: null } as const;
const plan = {
  kind: 'REPAYMENT_PLAN',
  description: '剩余本金分24期等额本息',
  amount: null,
  feeType: null,
  chargeReference: null,
  plan: { outstandingPrincipal: { amountMinor: 2_400_000, currency: 'CNY' }, annualRateBps: 1800, termMonths: 24, method: 'EQUAL_INSTALMENT', firstDueDate: '2026-12-10' },
} as const;

const toMediation: [CaseStepRequest, string][] = [
  [{ action: 'review', decision: 'ACCEPT', reasons: '材料齐全，符合受理条件' }, 'supervisor:wang'],
  [{ action: 'assign', mediator: mediator(), reason: null }, 'supervisor:wang'],
];

describe('a mediation case from submission to agreement', () => {
  it('keeps every round: a rejected first proposal, a commented and accepted second', () => {
    const c = run(borrowerCase(), [
      ...toMediation,
      [{ action: 'propose', summary: '分12期，罚息减半', terms: [plan], replyWithinHours: null }, 'mediator:liu-yang'],
      [{ action: 'rejectProposal', round: 1, reason: '月供仍然太高' }, 'borrower:C-1001'],
      [{ action: 'propose', summary: '分24期，免除罚息，退还违约金', terms: [plan, refund], replyWithinHours: 72 }, 'mediator:liu-yang'],
      [{ action: 'comment', round: 2, text: '首期能否推迟到12月10日？' }, 'borrower:C-1001'],
      [{ action: 'acceptProposal', round: 2, comment: '同意', agreementId: 'cccccccc-0000-4000-8000-000000000001' }, 'borrower:C-1001'],
    ]);
    expect(c.status).toBe('AGREED');
    expect(c.proposals.map((p) => [p.round, p.answer?.kind])).toEqual([
      [1, 'REJECTED'],
      [2, 'ACCEPTED'],
    ]);
    expect(c.proposals[1]!.comments).toHaveLength(1);
    expect(c.agreement).toMatchObject({ round: 2, terms: [{ kind: 'REPAYMENT_PLAN', carriedOut: null }, { kind: 'REFUND', carriedOut: null }] });
    expect(c.outcome?.kind).toBe('AGREEMENT');
    expect(c.timeline.map((s) => s.action)).toEqual(['open', 'review', 'assign', 'propose', 'rejectProposal', 'propose', 'comment', 'acceptProposal']);

    const done = run(c, [
      [{ action: 'carryOutTerm', termIndex: 0, note: '新还款计划已生效' }, 'mediator:liu-yang'],
      [{ action: 'carryOutTerm', termIndex: 1, note: null }, 'mediator:liu-yang'],
    ]);
    expect(done.status).toBe('CARRIED_OUT');
  });

  it.each([
    ['an agreed case', [{ action: 'acceptProposal', round: 1, comment: null, agreementId: 'cccccccc-0000-4000-8000-000000000001' }]],
    ['a failed case', [{ action: 'fail', reason: '双方分歧过大' }]],
    ['a withdrawn case', [{ action: 'withdraw', reason: null }]],
  ] as [string, CaseStepRequest[]][])('refuses a proposal on %s with a CONFLICT naming both states', (_name, ending) => {
    const closed = run(borrowerCase(), [
      ...toMediation,
      [{ action: 'propose', summary: '分12期', terms: [plan], replyWithinHours: null }, 'mediator:liu-yang'],
      ...ending.map((r) => [r, 'borrower:C-1001'] as [CaseStepRequest, string]),
    ]);
    const attempt = () => applyStep(closed, { action: 'propose', summary: '再议', terms: [plan], replyWithinHours: null }, 'mediator:liu-yang', later(20));
    expect(attempt).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(attempt).toThrow(new RegExp(`${closed.status}.*IN_MEDIATION`));
  });

  it('answers only the pending round', () => {
    const c = run(borrowerCase(), [...toMediation, [{ action: 'propose', summary: '分12期', terms: [plan], replyWithinHours: null }, 'mediator:liu-yang']]);
    expect(() => applyStep(c, { action: 'rejectProposal', round: 2, reason: '不' }, 'borrower:C-1001', later(9))).toThrow(
      expect.objectContaining({ code: 'CONFLICT', details: expect.objectContaining({ field: 'input.round' }) }),
    );
  });

  it('a failure tells the borrower the external routes', () => {
    const c = run(borrowerCase(), [...toMediation, [{ action: 'fail', reason: '借款人不接受任何分期方案' }, 'mediator:liu-yang']]);
    expect(c.outcome?.summary).toContain('12378');
    expect(c.outcome?.summary).toContain('消费者协会');
    expect(c.outcome?.summary).toContain('仲裁');
    expect(c.outcome?.summary).toContain('人民法院');
  });

  it('an upheld appeal resumes a concluded case', () => {
    const failed = run(borrowerCase(), [...toMediation, [{ action: 'fail', reason: '分歧过大' }, 'mediator:liu-yang']]);
    const resumed = applyStep(failed, { action: 'resume', appealId: 'dddddddd-0000-4000-8000-000000000001', reasons: '调解员未考虑疾病证明' }, 'system:appeals', later(30)).case;
    expect(resumed.status).toBe('IN_MEDIATION');
    expect(resumed.outcome).toBeNull();
    expect(resumed.resumedByAppeals).toHaveLength(1);
  });

  it('a case not accepted tells the borrower why and where else to go', () => {
    const { case: c, step } = applyStep(borrowerCase(), { action: 'review', decision: 'DECLINE', reasons: '同一事项已在法院诉讼中' }, 'supervisor:wang', later(1));
    expect(c.status).toBe('NOT_ACCEPTED');
    expect(step.note).toContain('同一事项已在法院诉讼中');
    expect(step.note).toContain('12378');
    expect(c.caseDueAt).toBeNull();
  });

  it('refuses to review twice', () => {
    const c = run(borrowerCase(), [toMediation[0]!]);
    expect(() => applyStep(c, { action: 'review', decision: 'DECLINE', reasons: '重复' }, 'x', NOW)).toThrow(/AWAITING_MEDIATOR.*SUBMITTED/);
  });
});

describe('hardship', () => {
  it('takes the hardship evidence handed in with the case as its evidence unless told which', () => {
    const c = borrowerCase();
    expect(c.hardship?.evidenceMaterialIds).toEqual([]);
    const withEvidence = applyStep(
      c,
      {
        action: 'addMaterial',
        material: { id: 'aaaaaaaa-0000-4000-8000-00000000000e', kind: 'HARDSHIP_EVIDENCE', title: '住院病历', contentHash: 'e'.repeat(64), mediaType: 'application/pdf', sizeBytes: 1_000, addedBy: 'b', addedAt: NOW },
      },
      'borrower:C-1001',
      later(1),
    ).case;
    const hardship = validateHardship('input.hardship', { type: 'ILLNESS', description: '住院', requests: ['EXTEND_TERM'] }, withEvidence.materials, later(2));
    expect(hardship.evidenceMaterialIds).toEqual(['aaaaaaaa-0000-4000-8000-00000000000e']);
    expect(() => validateHardship('input.hardship', { type: 'ILLNESS', description: '住院', requests: ['EXTEND_TERM'], evidenceMaterialIds: ['nope'] }, withEvidence.materials, later(2))).toThrow(
      expect.objectContaining({ details: { field: 'input.hardship.evidenceMaterialIds[0]' } }),
    );
    expect(() => validateHardship('input.hardship', { type: 'ILLNESS', description: '住院', requests: ['REDUCE_LATE_FEES', 'WAIVE_LATE_FEES'] }, [], later(2))).toThrow(
      expect.objectContaining({ details: { field: 'input.hardship.requests' } }),
    );
  });
});

describe('recusal and reassignment', () => {
  const accepted = (c: MediationCase) => run(c, [toMediation[0]!]);

  it("refuses the complaint's handler or reviewer as mediator of the case it referred", () => {
    const c = accepted(referredCase());
    for (const actorId of ['handler:zhou-min', 'reviewer:chen-jing']) {
      expect(() => applyStep(c, { action: 'assign', mediator: mediator({ actorId }), reason: null }, 'supervisor:wang', NOW)).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'input.mediatorId' } }),
      );
    }
  });

  it('refuses a mediator who declared an interest in the borrower, an inactive one, and an unqualified third party', () => {
    const c = accepted(borrowerCase());
    for (const m of [
      mediator({ declaredInterests: ['C-1001'] }),
      mediator({ active: false }),
      mediator({ institutionKind: 'THIRD_PARTY', institutionId: 'eeeeeeee-0000-4000-8000-000000000001', qualificationsValidUntil: ['2025-12-31'] }),
    ]) {
      expect(() => applyStep(c, { action: 'assign', mediator: m, reason: null }, 'supervisor:wang', NOW)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    }
    const qualified = mediator({ institutionKind: 'THIRD_PARTY', institutionId: 'eeeeeeee-0000-4000-8000-000000000001', qualificationsValidUntil: ['2025-12-31', '2028-06-30'] });
    expect(applyStep(c, { action: 'assign', mediator: qualified, reason: null }, 'supervisor:wang', NOW).case.status).toBe('IN_MEDIATION');
  });

  it('a mediator who recuses can never be put back; another takes over with a reason', () => {
    const c = run(borrowerCase(), [
      ...toMediation,
      [{ action: 'propose', summary: '分12期', terms: [plan], replyWithinHours: null }, 'mediator:liu-yang'],
      [{ action: 'recuse', reason: '与借款人系亲属关系' }, 'mediator:liu-yang'],
    ]);
    expect(c.status).toBe('AWAITING_MEDIATOR');
    expect(c.proposals[0]!.answer?.kind).toBe('WITHDRAWN');
    expect(() => applyStep(c, { action: 'assign', mediator: mediator(), reason: null }, 'supervisor:wang', later(9))).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'input.mediatorId' } }),
    );
    const other = mediator({ id: 'bbbbbbbb-0000-4000-8000-000000000002', actorId: 'mediator:zhang-li', name: '张丽' });
    const taken = applyStep(c, { action: 'assign', mediator: other, reason: null }, 'supervisor:wang', later(9)).case;
    expect(taken.status).toBe('IN_MEDIATION');
    const third = mediator({ id: 'bbbbbbbb-0000-4000-8000-000000000003', actorId: 'mediator:he-fang', name: '何芳' });
    expect(() => applyStep(taken, { action: 'assign', mediator: third, reason: null }, 'supervisor:wang', later(10))).toThrow(
      expect.objectContaining({ details: { field: 'input.reason' } }),
    );
    const reassigned = applyStep(taken, { action: 'assign', mediator: third, reason: '张丽休假' }, 'supervisor:wang', later(10)).case;
    expect(reassigned.assignments.map((a) => [a.mediatorName, a.endReason])).toEqual([
      ['刘洋', 'RECUSED'],
      ['张丽', 'REASSIGNED'],
      ['何芳', null],
    ]);
  });
});
