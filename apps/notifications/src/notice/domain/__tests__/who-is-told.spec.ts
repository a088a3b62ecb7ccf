import type { ComplaintStatusChangedPayload } from '@redress/contracts';
import { DEFAULT_TEMPLATES } from '../../../template/domain/default-templates';
import { renderTemplate } from '../../../template/domain/template';
import { isRegulatory } from '../notice-kinds';
import { localizeFacts } from '../notice-facts';
import {
  appealDecidedNotice,
  complaintDecisionNotice,
  complaintFiledNotice,
  complaintStatusNotice,
  mediationConcludedNotice,
  refundRejectedNotice,
  type NoticeDraft,
} from '../who-is-told';

const status = (action: string, over: Partial<ComplaintStatusChangedPayload> = {}): ComplaintStatusChangedPayload => ({
  complaintId: '6f1c7b8e-3a44-4c1e-9a57-0c2b7d9e1a01',
  reference: 'TS20261125-000007',
  action,
  fromStatus: 'INVESTIGATING',
  toStatus: 'INVESTIGATING',
  reason: '需委托第三方机构对通话录音进行鉴定',
  productName: '桔多多·信用借',
  decisionDueAt: '2026-12-25T08:00:00Z',
  locale: 'zh-CN',
  version: 5,
  ...over,
});

const render = (draft: NoticeDraft, locale = draft.locale) => {
  const vars = localizeFacts(draft.facts, locale, 'Asia/Shanghai');
  return renderTemplate(DEFAULT_TEMPLATES[draft.kind][locale], vars);
};

describe('who is told of what', () => {
  it.each([
    ['accept', 'COMPLAINT_ACCEPTED', false],
    ['decline', 'COMPLAINT_NOT_ACCEPTED', true],
    ['extendDecision', 'DECISION_EXTENDED', true],
    ['pauseClock', 'CLOCK_PAUSED', true],
    ['resumeClock', 'CLOCK_RESUMED', false],
    ['restartClock', 'CLOCK_RESTARTED', false],
    ['rejectResolution', 'INVESTIGATION_CONTINUES', false],
    ['carryOut', 'COMPLAINT_RESOLVED', false],
    ['close', 'COMPLAINT_CLOSED', false],
    ['withdraw', 'COMPLAINT_WITHDRAWN', false],
    ['merge', 'COMPLAINT_MERGED', false],
    ['reopen', 'COMPLAINT_REOPENED', false],
  ])('%s tells the complainant %s (regulatory: %s)', (action, kind, regulatory) => {
    const draft = complaintStatusNotice(status(action), new Date('2026-11-25T08:00:00Z'))!;
    expect(draft.kind).toBe(kind);
    expect(isRegulatory(draft.kind)).toBe(regulatory);
    expect(render(draft).subject).toContain('TS20261125-000007');
  });

  it.each(['assign', 'startInvestigation', 'requestReview', 'completeReview', 'proposeResolution', 'acceptResolution', 'archive', 'recordFollowUp', 'mergeRepeat'])(
    '%s is internal and tells nobody',
    (action) => {
      expect(complaintStatusNotice(status(action), new Date())).toBeNull();
    },
  );

  it('an extension says why and the new deadline, in the tenant time zone', () => {
    const { body } = render(complaintStatusNotice(status('extendDecision'), new Date())!);
    expect(body).toContain('需委托第三方机构');
    expect(body).toContain('2026年12月25日 16:00');
  });

  it('a decline gives the reason and the review deadline 30 days after the notice', () => {
    const { body } = render(complaintStatusNotice(status('decline', { reason: '该笔借款已由法院判决' }), new Date('2026-11-25T08:00:00Z'))!);
    expect(body).toContain('该笔借款已由法院判决');
    expect(body).toContain('2026年12月25日前');
  });

  it('the acknowledgement names the reference, the product and both deadlines', () => {
    const draft = complaintFiledNotice({
      complaintId: '6f1c7b8e-3a44-4c1e-9a57-0c2b7d9e1a01',
      reference: 'TS20261125-000042',
      channel: 'APP',
      productName: '你我贷·极速借',
      receivedAt: '2026-11-25T08:00:00Z',
      firstReplyDueAt: '2026-11-26T08:00:00Z',
      decisionDueAt: '2026-12-10T08:00:00Z',
      locale: 'en',
    });
    const { subject, body } = render(draft);
    expect(subject).toContain('TS20261125-000042');
    for (const part of ['你我贷·极速借', '26 Nov 2026', '10 Dec 2026', 'China Standard Time']) expect(body).toContain(part);
  });

  it('the decision notice gives outcome, reasons, remedies with amounts, and the review deadline 30 days on', () => {
    const draft = complaintDecisionNotice({
      complaintId: '6f1c7b8e-3a44-4c1e-9a57-0c2b7d9e1a01',
      reference: 'TS20261125-000042',
      decisionId: '0d6e2c3b-1f5a-4e1b-8a9c-2b3c4d5e6f70',
      outcome: 'PARTLY_UPHELD',
      reasons: '服务费在提前还款后仍按原期限收取，不符合合同约定',
      remedies: [{ type: 'REFUND', amount: { amountMinor: 38000, currency: 'CNY' }, feeType: 'SERVICE_FEE', chargeReference: null, description: null }],
      borrowerId: 'C-1001',
      productName: '你我贷·极速借',
      contractNumber: null,
      handlerId: 'handler:zhou-min',
      reviewerIds: [],
      locale: 'zh-CN',
      issuedAt: '2026-11-25T08:00:00Z',
    });
    expect(isRegulatory(draft.kind)).toBe(true);
    const { body } = render(draft);
    for (const part of ['投诉部分成立', '不符合合同约定', '退款 ¥380.00', '2026年12月25日', '申请核查']) expect(body).toContain(part);
  });

  it.each([
    ['zh-CN', '12378', '12315', '仲裁', '法院'],
    ['zh-TW', '12378', '12315', '仲裁', '法院'],
    ['en', '12378', '12315', 'arbitration', 'court'],
  ] as const)('a failed mediation (%s) names every route outside the lender', (locale, ...routes) => {
    const draft = mediationConcludedNotice({
      caseId: '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9',
      reference: 'TJ20261125-000003',
      complaintId: null,
      borrowerId: 'C-1001',
      outcome: 'FAILURE',
      summary: '双方对罚息减免金额未能达成一致',
      mediatorIds: ['mediator:li'],
      concludedAt: '2026-11-25T08:00:00Z',
      locale,
    });
    expect(draft.kind).toBe('MEDIATION_FAILED');
    const { body } = render(draft);
    for (const route of routes) expect(body).toContain(route);
  });

  it('a dismissed appeal gives the reasons and the external routes; an upheld one does not send them away', () => {
    const payload = {
      appealId: '2b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9',
      reference: 'SS20261125-000001',
      target: { kind: 'REFUND_REJECTION' as const, subjectId: '3b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9', decisionId: '3b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9' },
      borrowerId: 'C-1001',
      reasons: '会员费已在开通时明确告知并经您确认',
      decidedAt: '2026-11-25T08:00:00Z',
      locale: 'zh-CN' as const,
    };
    const dismissed = render(appealDecidedNotice(payload, false)).body;
    expect(dismissed).toContain('会员费已在开通时明确告知');
    expect(dismissed).toContain('12378');
    expect(render(appealDecidedNotice(payload, true)).body).not.toContain('12378');
  });

  it('a rejected refund states the amount and the review deadline', () => {
    const draft = refundRejectedNotice({
      refundId: '4b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9',
      reference: 'TF20261125-000009',
      complaintId: null,
      borrowerId: 'C-1001',
      amount: { amountMinor: 12900, currency: 'CNY' },
      reasons: '该笔保险费已超过可退期限',
      reviewerIds: ['reviewer:wang'],
      rejectedAt: '2026-11-25T08:00:00Z',
      locale: 'zh-TW',
    });
    const { body } = render(draft);
    expect(body).toContain('129.00');
    expect(body).toContain('2026年12月25日');
  });
});
