import type { Complaint } from '../complaint';
import { applyTransition } from '../complaint-transition';
import { TransitionNotAllowedError } from '../complaint-lifecycle';
import { REGULATORY_CLOCK_POLICY } from '../clock-policy';
import { startClock } from '../deadline-clock';

const now = new Date('2026-11-26T02:00:00Z');
const received: Complaint = {
  id: '0b0e8f0a-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
  tenantId: '6f1c2d1e-5a0b-4c3d-9e8f-7a6b5c4d3e21',
  reference: 'TS20261125-000001',
  channel: 'HOTLINE',
  status: 'RECEIVED',
  category: 'COMPLAINT',
  topic: 'COLLECTION_CONDUCT',
  severity: 'MEDIUM',
  complainant: { name: '李强', phone: '13900001111', email: null, idNumber: null, locale: 'zh-CN' },
  borrowerId: 'NWD-C-0001',
  representative: null,
  regulatorReferral: null,
  productName: '你我贷·嘉英贷',
  contractNumber: null,
  description: '催收人员多次致电我的同事。',
  occurredAt: null,
  occurredPlace: null,
  disputedAmount: null,
  demand: null,
  involvedStaff: ['催收员 刘伟', 'staff-0042'],
  handlerId: null,
  team: null,
  declineReason: null,
  reviewConclusion: null,
  resolution: null,
  followUp: null,
  mergedInto: null,
  receivedAt: new Date('2026-11-25T08:00:00Z'),
  firstReplyDueAt: new Date('2026-11-26T08:00:00Z'),
  decisionDueAt: new Date('2026-12-10T08:00:00Z'),
  decisionClock: startClock('DECISION', new Date('2026-11-25T08:00:00Z')),
  clockPolicy: REGULATORY_CLOCK_POLICY,
  version: 1,
};

describe('applyTransition', () => {
  it('accepts, bumping the version and recording the step', () => {
    const { complaint, step } = applyTransition(received, { action: 'accept' }, 'handler:zhou', now);
    expect(complaint).toMatchObject({ status: 'ACCEPTED', version: 2 });
    expect(step).toMatchObject({ action: 'accept', fromStatus: 'RECEIVED', toStatus: 'ACCEPTED', actorId: 'handler:zhou', at: now, note: null });
  });

  it('records the decline reason for the complainant', () => {
    const { complaint, step } = applyTransition(received, { action: 'decline', reason: '  不属于本机构业务范围  ' }, 'handler:zhou', now);
    expect(complaint).toMatchObject({ status: 'NOT_ACCEPTED', declineReason: '不属于本机构业务范围' });
    expect(step.note).toBe('不属于本机构业务范围');
  });

  it('assigns a handler and team', () => {
    const accepted = { ...received, status: 'ACCEPTED' as const };
    const { complaint, step } = applyTransition(accepted, { action: 'assign', handlerId: 'staff-0007', team: '投诉处理一组' }, 'supervisor:wu', now);
    expect(complaint).toMatchObject({ status: 'ASSIGNED', handlerId: 'staff-0007', team: '投诉处理一组' });
    expect(step.note).toBe('staff-0007 (投诉处理一组)');
  });

  it.each([
    ['a decline without a reason', received, { action: 'decline' as const, reason: ' ' }, 'input.reason: is required'],
    ['a handler the complaint names', { ...received, status: 'ACCEPTED' as const }, { action: 'assign' as const, handlerId: 'STAFF-0042' }, 'input.handlerId: STAFF-0042 is named in the complaint and must recuse'],
    ['an assignment without a handler', { ...received, status: 'ACCEPTED' as const }, { action: 'assign' as const, handlerId: '' }, 'input.handlerId: is required'],
  ])('refuses %s', (_case, complaint, request, message) => {
    expect(() => applyTransition(complaint, request, 'x', now)).toThrow(message);
  });

  it('refuses a step the state machine does not allow, as a CONFLICT', () => {
    expect(() => applyTransition({ ...received, status: 'WITHDRAWN' }, { action: 'accept' }, 'x', now)).toThrow(TransitionNotAllowedError);
  });

  const investigating = { ...received, status: 'INVESTIGATING' as const };
  const upheld = {
    outcome: 'PARTLY_UPHELD',
    reasons: '提前还款后按原期限收取服务费不符合合同约定',
    remedies: [{ type: 'REFUND', amount: { amountMinor: 38_000, currency: 'CNY' } }, { type: 'EXPLANATION', description: '书面说明收费依据' }],
    accountability: '客服组长 王某 通报批评',
  };

  it('proposes a resolution with its remedies and accountability', () => {
    const { complaint, step } = applyTransition(investigating, { action: 'proposeResolution', resolution: upheld }, 'handler:zhou', now);
    expect(complaint.status).toBe('RESOLUTION_PROPOSED');
    expect(complaint.resolution).toEqual({
      decisionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      issuedAt: now,
      outcome: 'PARTLY_UPHELD',
      reasons: upheld.reasons,
      remedies: [
        { type: 'REFUND', amount: { amountMinor: 38_000, currency: 'CNY' }, feeType: null, chargeReference: null, description: null },
        { type: 'EXPLANATION', amount: null, feeType: null, chargeReference: null, description: '书面说明收费依据' },
      ],
      accountability: '客服组长 王某 通报批评',
    });
    expect(step.note).toMatch(/^部分支持：/);
    expect(complaint.decisionClock.stoppedAt).toEqual(now);
  });

  it.each([
    ['an unknown outcome', { ...upheld, outcome: 'MAYBE' }, 'input.outcome'],
    ['no reasons', { ...upheld, reasons: '' }, 'input.reasons: is required'],
    ['an upheld complaint without remedies', { ...upheld, remedies: [] }, 'input.remedies: must name at least one remedy'],
    ['a refund without an amount', { ...upheld, remedies: [{ type: 'REFUND' }] }, 'input.remedies.0.amount: is required for REFUND'],
    ['a negative compensation', { ...upheld, remedies: [{ type: 'COMPENSATION', amount: { amountMinor: -1, currency: 'CNY' } }] }, 'input.remedies.0.amount.amountMinor'],
    ['an unknown remedy', { ...upheld, remedies: [{ type: 'APOLOGY_GIFT' }] }, 'input.remedies.0.type'],
    ['a zero refund', { ...upheld, remedies: [{ type: 'REFUND', amount: { amountMinor: 0, currency: 'CNY' } }] }, 'input.remedies.0.amountMinor: must be more than zero'],
    ['a fee type that is not a code', { ...upheld, remedies: [{ type: 'REFUND', amount: { amountMinor: 100, currency: 'CNY' }, feeType: '服务费' }] }, 'input.remedies.0.feeType'],
  ])('refuses a resolution with %s', (_case, resolution, message) => {
    expect(() => applyTransition(investigating, { action: 'proposeResolution', resolution }, 'x', now)).toThrow(message);
  });

  it('accepts a not-upheld resolution without remedies', () => {
    const { complaint } = applyTransition(investigating, { action: 'proposeResolution', resolution: { outcome: 'NOT_UPHELD', reasons: '费用已在合同第5条约定并经确认', remedies: [] } }, 'x', now);
    expect(complaint.resolution?.outcome).toBe('NOT_UPHELD');
  });

  it.each([0, 6, 3.5, -1])('refuses a satisfaction score of %s', (satisfaction) => {
    expect(() => applyTransition({ ...received, status: 'RESOLVED' }, { action: 'recordFollowUp', satisfaction }, 'x', now)).toThrow('input.satisfaction: must be a whole number from 1 to 5');
  });

  it('records the follow-up visit', () => {
    const { complaint } = applyTransition({ ...received, status: 'RESOLVED' }, { action: 'recordFollowUp', satisfaction: 4, comment: '处理及时' }, 'x', now);
    expect(complaint).toMatchObject({ status: 'FOLLOWED_UP', followUp: { satisfaction: 4, comment: '处理及时' } });
  });

  it('needs the review group\'s conclusion', () => {
    expect(() => applyTransition({ ...received, status: 'UNDER_REVIEW' }, { action: 'completeReview', conclusion: ' ' }, 'x', now)).toThrow('input.conclusion: is required');
  });

  describe('the decision clock', () => {
    const accepted = { ...received, status: 'ACCEPTED' as const };
    const at = (iso: string) => new Date(iso);

    it('extends a complex case to 30 days, then with a senior approver by a further 30, moving the due time', () => {
      const complex = applyTransition(accepted, { action: 'extendDecision', extension: 'COMPLEX', reason: '涉及多笔交易核对', approvedBy: null }, 'handler:zhou', now);
      expect(complex.complaint.decisionDueAt.toISOString()).toBe('2026-12-25T08:00:00.000Z');
      expect(complex.complaint.status).toBe('ACCEPTED');
      expect(complex.step.note).toBe('复杂案件延期：涉及多笔交易核对');
      const further = applyTransition(complex.complaint, { action: 'extendDecision', extension: 'FURTHER', reason: '需调取第三方催收公司录音', approvedBy: 'supervisor:wu' }, 'supervisor:wu', now);
      expect(further.complaint.decisionDueAt.toISOString()).toBe('2027-01-24T08:00:00.000Z');
      expect(further.complaint.decisionClock.approvedBy).toBe('supervisor:wu');
    });

    it.each<[string, Complaint, Parameters<typeof applyTransition>[1], string]>([
      ['a further extension before the complex one', accepted, { action: 'extendDecision', extension: 'FURTHER', reason: 'x', approvedBy: 'supervisor:wu' }, 'follows the complex-case extension'],
      ['an extension without a reason', accepted, { action: 'extendDecision', extension: 'COMPLEX', reason: ' ', approvedBy: null }, 'input.reason: is required'],
      ['a pause without a reason', accepted, { action: 'pauseClock', reason: '' }, 'input.reason: is required'],
      ['resuming a clock that is not paused', accepted, { action: 'resumeClock' }, 'not paused'],
      ['a restart without the new facts', accepted, { action: 'restartClock', newFacts: ' ' }, 'input.newFacts: is required'],
      ['an extension once the decision is proposed', { ...received, status: 'RESOLUTION_PROPOSED' }, { action: 'extendDecision', extension: 'COMPLEX', reason: 'x', approvedBy: null }, 'Cannot extendDecision'],
    ])('refuses %s', (_case, complaint, request, message) => {
      expect(() => applyTransition(complaint, request, 'x', now)).toThrow(message);
    });

    it('pauses for an outside appraisal and resumes with the pause added to the due time', () => {
      const paused = applyTransition(accepted, { action: 'pauseClock', reason: '委托第三方鉴定通话录音' }, 'x', at('2026-11-30T08:00:00Z'));
      expect(paused.complaint.decisionClock.pauses).toHaveLength(1);
      const resumed = applyTransition(paused.complaint, { action: 'resumeClock' }, 'x', at('2026-12-03T08:00:00Z'));
      expect(resumed.complaint.decisionDueAt.toISOString()).toBe('2026-12-13T08:00:00.000Z');
    });

    it('restarts the full allowance when new facts arrive', () => {
      const { complaint, step } = applyTransition(accepted, { action: 'restartClock', newFacts: '补充提交了催收录音' }, 'x', at('2026-12-01T00:00:00Z'));
      expect(complaint.decisionDueAt.toISOString()).toBe('2026-12-16T00:00:00.000Z');
      expect(step.note).toBe('补充提交了催收录音');
    });

    it('reopens a decided case on an upheld appeal with a fresh decision clock and no decision', () => {
      const decided = applyTransition({ ...received, status: 'INVESTIGATING' }, { action: 'proposeResolution', resolution: upheld }, 'x', now).complaint;
      const closed = { ...decided, status: 'CLOSED' as const };
      const { complaint } = applyTransition(closed, { action: 'reopen', reason: '申诉成立：服务费计算有误' }, 'appeals', at('2027-01-05T00:00:00Z'));
      expect(complaint).toMatchObject({ status: 'INVESTIGATING', resolution: null });
      expect(complaint.decisionClock.stoppedAt).toBeNull();
      expect(complaint.decisionDueAt.toISOString()).toBe('2027-01-20T00:00:00.000Z');
    });
  });

  it('sends a serious case to the review group before the decision', () => {
    const serious = { ...received, status: 'INVESTIGATING' as const, severity: 'HIGH' as const };
    expect(() => applyTransition(serious, { action: 'proposeResolution', resolution: upheld }, 'x', now)).toThrow('must pass the internal review group');
    const reviewed = { ...serious, reviewConclusion: '审查小组同意部分支持' };
    expect(applyTransition(reviewed, { action: 'proposeResolution', resolution: upheld }, 'x', now).complaint.status).toBe('RESOLUTION_PROPOSED');
  });

  it('merges a repeat into an open case, and refuses to merge a case into itself', () => {
    expect(() => applyTransition(received, { action: 'merge', intoComplaintId: received.id, intoReference: received.reference }, 'x', now)).toThrow('input.intoComplaintId');
    const { complaint, step } = applyTransition(received, { action: 'merge', intoComplaintId: '7d0f0a0b-0000-4000-8000-000000000001', intoReference: 'TS20261120-000003' }, 'x', now);
    expect(complaint).toMatchObject({ status: 'MERGED', mergedInto: '7d0f0a0b-0000-4000-8000-000000000001' });
    expect(step.note).toBe('并入 TS20261120-000003');
  });
});
