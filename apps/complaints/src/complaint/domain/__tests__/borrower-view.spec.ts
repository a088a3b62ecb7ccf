import type { Complaint, ComplaintStep } from '../complaint';
import { borrowerView } from '../borrower-view';
import { REGULATORY_CLOCK_POLICY } from '../clock-policy';
import { pauseClock, startClock } from '../deadline-clock';

const receivedAt = new Date('2026-11-25T08:00:00Z');
const base = {
  id: '0b0e8f0a-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
  reference: 'NWD-TS20261125-000001',
  productName: '你我贷·极速借',
  receivedAt,
  firstReplyDueAt: new Date('2026-11-26T08:00:00Z'),
  decisionClock: startClock('DECISION', receivedAt),
  clockPolicy: REGULATORY_CLOCK_POLICY,
  complainant: { locale: 'zh-CN' },
  resolution: null,
} as unknown as Complaint;
const step = (action: ComplaintStep['action'], note: string | null, at = '2026-11-25T09:00:00Z') => ({ action, note, at: new Date(at), actorId: 'staff-0007' }) as ComplaintStep;

describe('borrowerView', () => {
  it('says what happens next and by when, in the borrower\'s language', () => {
    expect(borrowerView({ ...base, status: 'RECEIVED' }, [step('file', null)], receivedAt).nextStep).toEqual({
      text: '我们将在期限前告知您是否受理',
      dueAt: new Date('2026-11-26T08:00:00Z'),
    });
    const en = borrowerView({ ...base, status: 'INVESTIGATING', complainant: { ...base.complainant, locale: 'en' } }, [], receivedAt);
    expect(en).toMatchObject({ statusText: 'Being investigated', nextStep: { text: 'We will decide and tell you by', dueAt: new Date('2026-12-10T08:00:00Z') } });
  });

  it('shows why the clock is paused, with no due time', () => {
    const paused = { ...base, status: 'INVESTIGATING' as const, decisionClock: pauseClock(base.decisionClock, new Date('2026-11-30T00:00:00Z'), '委托第三方鉴定通话录音') };
    expect(borrowerView(paused, [], new Date('2026-12-01T00:00:00Z')).nextStep).toEqual({ text: '处理时限暂停中：委托第三方鉴定通话录音', dueAt: null });
  });

  it('keeps internal notes and staff names off the timeline, and tells the reasons meant for the borrower', () => {
    const view = borrowerView({ ...base, status: 'NOT_ACCEPTED' }, [
      step('file', null),
      step('assign', 'staff-0007 (投诉处理一组)'),
      step('requestReview', '内部：催收外包公司合同需法务确认'),
      step('decline', '不属于本机构业务范围'),
    ], receivedAt);
    expect(view.timeline.map((t) => [t.text, t.detail])).toEqual([
      ['我们收到了您的投诉', null],
      ['已安排专人负责您的投诉', null],
      ['提交内部审查小组审查', null],
      ['您的投诉未予受理', '不属于本机构业务范围'],
    ]);
    expect(JSON.stringify(view)).not.toContain('staff-0007');
    expect(view.nextStep).toBeNull();
  });

  it('gives the decision with the last day to ask for a review, 30 days on', () => {
    const issuedAt = new Date('2026-12-05T10:00:00Z');
    const decided = {
      ...base,
      status: 'RESOLUTION_PROPOSED' as const,
      resolution: { decisionId: 'd', issuedAt, outcome: 'UPHELD' as const, reasons: '多收服务费属实', remedies: [], accountability: '客服组长通报批评' },
    };
    const view = borrowerView(decided, [], issuedAt);
    expect(view.decision).toEqual({ outcome: 'UPHELD', reasons: '多收服务费属实', remedies: [], issuedAt, reviewRequestBy: new Date('2027-01-04T10:00:00Z') });
    expect(view.nextStep?.dueAt).toEqual(new Date('2027-01-04T10:00:00Z'));
    expect(JSON.stringify(view)).not.toContain('通报批评');
  });
});
