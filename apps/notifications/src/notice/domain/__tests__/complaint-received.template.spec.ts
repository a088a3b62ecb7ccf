import { renderComplaintReceived } from '../complaint-received.template';

const facts = {
  reference: 'TS20261125-000042',
  productName: '你我贷·极速借',
  receivedAt: new Date('2026-11-25T08:00:00Z'),
  firstReplyDueAt: new Date('2026-11-26T08:00:00Z'),
  decisionDueAt: new Date('2026-12-10T08:00:00Z'),
};

describe('renderComplaintReceived', () => {
  it.each([
    ['zh-CN', ['TS20261125-000042', '2026年11月25日 16:00', '2026年11月26日 16:00', '2026年12月10日 16:00', '你我贷·极速借', '收到']],
    ['zh-TW', ['TS20261125-000042', '2026年11月26日', '投訴', '聯繫']],
    ['en', ['TS20261125-000042', '26 Nov 2026', '10 Dec 2026', 'China Standard Time', 'received']],
  ] as const)('%s names the reference, the deadlines in Beijing time and what happens next', (locale, fragments) => {
    const { subject, body } = renderComplaintReceived(facts, locale);
    expect(subject).toContain(facts.reference);
    for (const fragment of fragments) expect(body).toContain(fragment);
  });

  it('does not claim the complaint was accepted', () => {
    expect(renderComplaintReceived(facts, 'zh-CN').body).not.toContain('受理');
  });
});
