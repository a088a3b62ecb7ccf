import { applyStep } from '../case-steps';
import { clocksOf } from '../case-clocks';
import { openNegotiation, type NegotiationInput } from '../open-case';
import { formatReference } from '../reference-number';
import { borrowerCase, identity, later, mediator, NOW } from './fixtures';

const request: NegotiationInput = {
  borrowerId: 'C-2001',
  productName: '同程金融·提钱花',
  summary: '失业三个月，逾期两期，希望协商分期偿还并减免违约金。',
  overdueAmount: { amountMinor: 356_000, currency: 'CNY' },
  overdueSince: '2026-09-10',
  specialistId: 'bbbbbbbb-0000-4000-8000-000000000001',
};

describe('negotiation requests', () => {
  it('go straight to the named specialist with a 48-hour reply clock', () => {
    const c = openNegotiation(identity(), request, mediator(), null);
    expect(c).toMatchObject({ kind: 'NEGOTIATION', origin: 'NEGOTIATION_REQUEST', status: 'IN_MEDIATION', acceptanceDueAt: null });
    expect(c.assignments[0]).toMatchObject({ mediatorName: '刘洋', endedAt: null });
    expect(c.specialistReplyDueAt).toEqual(later(48));
    expect(clocksOf(c, later(1)).map((k) => [k.kind, k.state])).toEqual([
      ['SPECIALIST_REPLY', 'RUNNING'],
      ['CASE', 'RUNNING'],
    ]);
    expect(clocksOf(c, later(45)).find((k) => k.kind === 'SPECIALIST_REPLY')!.state).toBe('WARNING');
    expect(clocksOf(c, later(49)).find((k) => k.kind === 'SPECIALIST_REPLY')!.state).toBe('BREACHED');
  });

  it('are answered by the first proposal or session: late is MISSED, on time MET', () => {
    const c = openNegotiation(identity(), request, mediator(), null);
    const session = { id: 'ffffffff-0000-4000-8000-000000000001', mode: 'PHONE' as const, scheduledAt: later(30), location: null, participants: [], minutes: null, heldAt: null, recordedBy: null };
    const onTime = applyStep(c, { action: 'scheduleSession', session }, 'mediator:liu-yang', later(10)).case;
    expect(clocksOf(onTime, later(60)).find((k) => k.kind === 'SPECIALIST_REPLY')!.state).toBe('MET');
    const late = applyStep(c, { action: 'scheduleSession', session }, 'mediator:liu-yang', later(50)).case;
    expect(clocksOf(late, later(60)).find((k) => k.kind === 'SPECIALIST_REPLY')!.state).toBe('MISSED');
  });

  it.each([
    ['a specialist who declared an interest in the borrower', { specialist: mediator({ declaredInterests: ['C-2001'] }) }, 'input.specialistId'],
    ['nothing overdue', { input: { overdueAmount: { amountMinor: 0, currency: 'CNY' } } }, 'input.overdueAmount.amountMinor'],
    ['an overdue date in the future', { input: { overdueSince: '2027-01-01' } }, 'input.overdueSince'],
  ])('refuse %s', (_name, change, field) => {
    const specialist = 'specialist' in change ? change.specialist! : mediator();
    const input = { ...request, ...('input' in change ? change.input : {}) };
    expect(() => openNegotiation(identity(), input, specialist, null)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field } }));
  });

  it("count days in China Standard Time: just after midnight in Beijing, today's date is not the future", () => {
    const justAfterMidnight = new Date('2026-11-25T16:30:00Z'); // 00:30 on 26 November in Beijing
    expect(openNegotiation(identity({ now: justAfterMidnight }), { ...request, overdueSince: '2026-11-26' }, mediator(), null).overdueSince).toBe('2026-11-26');
  });

  it('belong to the borrower calling, whatever the input names', () => {
    expect(openNegotiation(identity(), request, mediator(), 'C-3003').borrowerId).toBe('C-3003');
  });
});

describe('mediation clocks', () => {
  it('the acceptance review is due in 72 hours and met by the review', () => {
    const c = borrowerCase();
    expect(clocksOf(c, NOW)).toEqual([expect.objectContaining({ kind: 'ACCEPTANCE_REVIEW', dueAt: later(72), state: 'RUNNING' })]);
    const reviewed = applyStep(c, { action: 'review', decision: 'ACCEPT', reasons: '受理' }, 'sup', later(5)).case;
    expect(clocksOf(reviewed, later(6)).map((k) => [k.kind, k.state])).toEqual([
      ['ACCEPTANCE_REVIEW', 'MET'],
      ['CASE', 'RUNNING'],
    ]);
    expect(reviewed.caseDueAt).toEqual(later(5 + 30 * 24));
  });

  it("a proposal's reply clock runs from the proposal, and a reply outside 24–720 hours is refused", () => {
    let c = applyStep(borrowerCase(), { action: 'review', decision: 'ACCEPT', reasons: '受理' }, 'sup', later(1)).case;
    c = applyStep(c, { action: 'assign', mediator: mediator(), reason: null }, 'sup', later(2)).case;
    const term = { kind: 'EXPLANATION' as const, description: '说明罚息计算', amount: null, feeType: null, chargeReference: null, plan: null };
    expect(() => applyStep(c, { action: 'propose', summary: '说明', terms: [term], replyWithinHours: 12 }, 'm', later(3))).toThrow(
      expect.objectContaining({ details: { field: 'input.replyWithinHours' } }),
    );
    c = applyStep(c, { action: 'propose', summary: '说明', terms: [term], replyWithinHours: 48 }, 'm', later(3)).case;
    expect(clocksOf(c, later(4)).find((k) => k.kind === 'PROPOSAL_REPLY')).toMatchObject({ dueAt: later(51), state: 'RUNNING' });
  });
});

describe('references', () => {
  it.each([
    ['MEDIATION', '2026-11-25T15:59:59Z', 42, 'TJ20261125-000042'],
    ['NEGOTIATION', '2026-11-25T16:00:00Z', 7, 'XS20261126-000007'],
  ] as const)('%s opened at %s is %s (China Standard Time)', (kind, at, n, expected) => {
    expect(formatReference(kind, new Date(at), n)).toBe(expected);
  });
});
