import type { Complaint } from '../complaint';
import { applyTransition } from '../complaint-transition';
import { TransitionNotAllowedError } from '../complaint-lifecycle';

const now = new Date('2026-11-26T02:00:00Z');
const received: Complaint = {
  id: '0b0e8f0a-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
  tenantId: '6f1c2d1e-5a0b-4c3d-9e8f-7a6b5c4d3e21',
  reference: 'TS20261125-000001',
  channel: 'HOTLINE',
  status: 'RECEIVED',
  complainant: { name: '李强', phone: '13900001111', email: null, locale: 'zh-CN' },
  productName: '你我贷·嘉英贷',
  contractNumber: null,
  description: '催收人员多次致电我的同事。',
  occurredAt: null,
  disputedAmount: null,
  demand: null,
  involvedStaff: ['催收员 刘伟', 'staff-0042'],
  handlerId: null,
  team: null,
  declineReason: null,
  reviewConclusion: null,
  resolution: null,
  followUp: null,
  receivedAt: new Date('2026-11-25T08:00:00Z'),
  firstReplyDueAt: new Date('2026-11-26T08:00:00Z'),
  decisionDueAt: new Date('2026-12-10T08:00:00Z'),
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
      outcome: 'PARTLY_UPHELD',
      reasons: upheld.reasons,
      remedies: [
        { type: 'REFUND', amount: { amountMinor: 38_000, currency: 'CNY' }, description: null },
        { type: 'EXPLANATION', amount: null, description: '书面说明收费依据' },
      ],
      accountability: '客服组长 王某 通报批评',
    });
    expect(step.note).toMatch(/^部分支持：/);
  });

  it.each([
    ['an unknown outcome', { ...upheld, outcome: 'MAYBE' }, 'input.outcome'],
    ['no reasons', { ...upheld, reasons: '' }, 'input.reasons: is required'],
    ['an upheld complaint without remedies', { ...upheld, remedies: [] }, 'input.remedies: must name at least one remedy'],
    ['a refund without an amount', { ...upheld, remedies: [{ type: 'REFUND' }] }, 'input.remedies.0.amount: is required for REFUND'],
    ['a negative compensation', { ...upheld, remedies: [{ type: 'COMPENSATION', amount: { amountMinor: -1, currency: 'CNY' } }] }, 'input.remedies.0.amount.amountMinor'],
    ['an unknown remedy', { ...upheld, remedies: [{ type: 'APOLOGY_GIFT' }] }, 'input.remedies.0.type'],
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
});
