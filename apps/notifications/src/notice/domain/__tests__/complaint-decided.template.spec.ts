import { renderComplaintAccepted, renderComplaintNotAccepted } from '../complaint-decided.template';

const facts = {
  reference: 'TS20261125-000007',
  productName: '桔多多·信用借',
  decisionDueAt: new Date('2026-12-10T08:00:00Z'),
  reason: '该笔借款已由法院判决，不属于投诉受理范围',
};

describe('acceptance notices', () => {
  it.each([
    ['zh-CN', '已正式受理', '2026年12月10日 16:00'],
    ['zh-TW', '已正式受理', '2026年12月10日'],
    ['en', 'has been accepted', '10 Dec 2026'],
  ] as const)('accepted, %s: says so and when the decision is due', (locale, said, due) => {
    const { subject, body } = renderComplaintAccepted(facts, locale);
    expect(subject).toContain(facts.reference);
    expect(body).toContain(said);
    expect(body).toContain(due);
  });

  it.each([
    ['zh-CN', '未予受理', '30日内申请核查'],
    ['zh-TW', '未予受理', '30日內申請核查'],
    ['en', 'was not accepted', 'within 30 days'],
  ] as const)('not accepted, %s: gives the reason and the way to appeal', (locale, said, appeal) => {
    const { body } = renderComplaintNotAccepted(facts, locale);
    expect(body).toContain(said);
    expect(body).toContain(facts.reason);
    expect(body).toContain(appeal);
    expect(body).toContain('12378');
  });
});
