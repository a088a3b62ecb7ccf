import { randomUUID } from 'node:crypto';
import { DEFAULT_REFUND_POLICY } from '../../src/policy/domain/refund-policy';
import { APPROVE, count, eventsOf, footprint, REFUND, refundInput, REJECT, REQUEST, STAFF, startRefunds, type RefundView, type Service } from './refunds-harness';

type Requested = { requestRefund: { created: boolean; refund: RefundView } };

describe('refund requests and review', () => {
  let service: Service;
  const tenantId = randomUUID();

  const request = (input: Record<string, unknown>, caller = STAFF.app) => service.asGateway<Requested>(tenantId, REQUEST, { input }, caller);
  const approve = (refundId: string, caller: { actorId: string; roles: string[] }, extra: Record<string, unknown> = {}) =>
    service.asGateway<{ approveRefund: { refund: RefundView } }>(tenantId, APPROVE, { input: { refundId, ...extra } }, caller);
  const requested = async (input: Record<string, unknown>, caller = STAFF.app) => {
    const result = await request(input, caller);
    expect(result.errors).toBeUndefined();
    return result.data!.requestRefund.refund;
  };

  beforeAll(async () => {
    service = await startRefunds();
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('records a request, judged and explained by the policy in force, with its events', async () => {
    const result = await request(refundInput());
    expect(result.errors).toBeUndefined();
    const { created, refund } = result.data!.requestRefund;
    expect(created).toBe(true);
    expect(refund).toMatchObject({ status: 'IN_REVIEW', channel: 'PARTNER_APP', feeType: 'SERVICE_FEE', approvalsRequired: 1 });
    expect(refund.reference).toMatch(/^TF\d{8}-\d{6}$/);
    expect(refund.evaluation.verdict).toBe('ELIGIBLE');
    expect(refund.evaluation.lines.map((l) => [l.rule, l.outcome])).toEqual([
      ['FEE_TYPE_REFUNDABLE', 'PASSED'],
      ['WITHIN_TIME_LIMIT', 'PASSED'],
      ['NO_EXCLUDING_EVENT', 'PASSED'],
      ['AMOUNT_WITHIN_CHARGE', 'PASSED'],
      ['APPROVALS_REQUIRED', 'INFO'],
    ]);
    expect(refund.evaluation.lines[1]!.plainWords).toContain('30 天');
    const events = await eventsOf(service, tenantId, 'refunds.RefundRequested');
    expect(events.map((e) => e.envelope.payload['refundId'])).toContain(refund.id);
  });

  it('returns the first request for the same idempotency key, creating nothing more', async () => {
    const input = refundInput();
    const first = await requested(input);
    const before = await footprint(service, tenantId);
    const again = await request({ ...input, reason: '重复提交' });
    expect(again.data!.requestRefund).toMatchObject({ created: false, refund: { id: first.id, reference: first.reference } });
    // The same key at the same moment, twice: still one request.
    const both = await Promise.all([request(refundInput({ idempotencyKey: 'nwd-race-1' })), request(refundInput({ idempotencyKey: 'nwd-race-1' }))]);
    expect(new Set(both.map((r) => r.data!.requestRefund.refund.id)).size).toBe(1);
    expect(both.filter((r) => r.data!.requestRefund.created)).toHaveLength(1);
    const after = await footprint(service, tenantId);
    expect(after.refunds).toBe(before.refunds + 1);
  });

  it.each<[string, (i: ReturnType<typeof refundInput>) => unknown, string]>([
    ['a zero amount', (i) => ({ ...i, amount: { amountMinor: 0, currency: 'CNY' } }), 'input.amount.amountMinor'],
    ['a negative amount', (i) => ({ ...i, amount: { amountMinor: -38_000, currency: 'CNY' } }), 'input.amount.amountMinor'],
    ['a fractional amount', (i) => ({ ...i, amount: { amountMinor: 380.5, currency: 'CNY' } }), 'input.amount.amountMinor'],
    ['a currency the charge is not in', (i) => ({ ...i, amount: { amountMinor: 100, currency: 'USD' } }), 'input.amount.currency'],
    ['an amount over the charge', (i) => ({ ...i, amount: { amountMinor: 38_001, currency: 'CNY' } }), 'input.amount.amountMinor'],
    ['an unknown fee type', (i) => ({ ...i, charge: { ...i.charge, feeType: 'TEA_MONEY' } }), 'input.charge.feeType'],
    ['a payout method the lender does not offer', (i) => ({ ...i, payoutMethod: 'WALLET' }), 'input.payoutMethod'],
  ])('refuses %s, naming the field, and changes nothing', async (_name, change, field) => {
    const before = await footprint(service, tenantId);
    const result = await request(change(refundInput()) as Record<string, unknown>);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await footprint(service, tenantId)).toEqual(before);
  });

  it('takes HOTLINE and EMAIL requests only from staff', async () => {
    const before = await footprint(service, tenantId);
    const result = await request(refundInput({ channel: 'HOTLINE' }), STAFF.app);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.channel' });
    expect(await footprint(service, tenantId)).toEqual(before);
    const recorded = await request(refundInput({ channel: 'EMAIL' }), STAFF.wang);
    expect(recorded.data!.requestRefund.refund).toMatchObject({ channel: 'EMAIL', handlerId: STAFF.wang.actorId, requestedBy: STAFF.wang.actorId });
  });

  it('refuses a charge named differently from how it was first recorded', async () => {
    const first = refundInput();
    await requested(first);
    const before = await footprint(service, tenantId);
    const result = await request(refundInput({}, { ...first.charge, amount: { amountMinor: 380_000, currency: 'CNY' } }));
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.charge.amount.amountMinor' });
    expect(result.errors?.[0]?.message).toContain(first.charge.reference);
    expect(await footprint(service, tenantId)).toEqual(before);
  });

  it('refuses an approval by the requester, and changes nothing', async () => {
    const refund = await requested(refundInput({ channel: 'HOTLINE' }), STAFF.wang);
    const before = await footprint(service, tenantId);
    const result = await approve(refund.id, STAFF.wang);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'REQUESTER_MAY_NOT_APPROVE' });
    expect(await footprint(service, tenantId)).toEqual(before);
    const now = await service.asGateway<{ refund: RefundView }>(tenantId, REFUND, { id: refund.id });
    expect(now.data!.refund).toMatchObject({ status: 'IN_REVIEW', version: refund.version, approvals: [] });
  });

  it('needs a second, different approver above the threshold, one of them a supervisor', async () => {
    const amount = { amountMinor: 600_000, currency: 'CNY' };
    const refund = await requested(refundInput({ amount }, { amount }));
    expect(refund.approvalsRequired).toBe(2);
    const first = await approve(refund.id, STAFF.li);
    expect(first.data!.approveRefund.refund).toMatchObject({ status: 'AWAITING_SECOND_APPROVAL', approvals: [{ approverId: STAFF.li.actorId }] });
    const twice = await approve(refund.id, STAFF.li);
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'SAME_APPROVER_TWICE' });
    const anotherHandler = await approve(refund.id, STAFF.wang);
    expect(anotherHandler.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'SECOND_APPROVER_ROLE' });
    const second = await approve(refund.id, STAFF.zhao);
    expect(second.errors).toBeUndefined();
    expect(second.data!.approveRefund.refund).toMatchObject({
      status: 'APPROVED',
      charge: { refundedAmount: { amountMinor: 600_000 }, remainingAmount: { amountMinor: 0 } },
      payouts: [{ state: 'PENDING', attempts: 0 }],
    });
    const timeline = await service.asGateway<{ refund: { timeline: { action: string; fromStatus: string | null; toStatus: string; actorId: string }[] } }>(
      tenantId,
      'query($id: ID!) { refund(id: $id) { timeline { action fromStatus toStatus actorId } } }',
      { id: refund.id },
    );
    expect(timeline.data!.refund.timeline).toEqual([
      { action: 'request', fromStatus: null, toStatus: 'IN_REVIEW', actorId: STAFF.app.actorId },
      { action: 'approve', fromStatus: 'IN_REVIEW', toStatus: 'AWAITING_SECOND_APPROVAL', actorId: STAFF.li.actorId },
      { action: 'approve', fromStatus: 'AWAITING_SECOND_APPROVAL', toStatus: 'APPROVED', actorId: STAFF.zhao.actorId },
    ]);
    await expect(count(service, 'DELETE FROM refunds.refund_steps WHERE tenant_id = $1 RETURNING 1 AS n', [tenantId])).rejects.toThrow(/append-only/);
    const approved = await eventsOf(service, tenantId, 'refunds.RefundApproved');
    expect(approved.find((e) => e.envelope.payload['refundId'] === refund.id)!.envelope.payload['approverIds']).toEqual([STAFF.li.actorId, STAFF.zhao.actorId]);
  });

  it('rejects with reasons and publishes RefundRejected naming every reviewer', async () => {
    const refund = await requested(refundInput());
    const result = await service.asGateway<{ rejectRefund: { refund: RefundView } }>(tenantId, REJECT, { input: { refundId: refund.id, reasons: '服务已按合同提供，不符合退费条件。' } }, STAFF.li);
    expect(result.data!.rejectRefund.refund).toMatchObject({ status: 'REJECTED', rejectionReasons: '服务已按合同提供，不符合退费条件。' });
    const rejected = (await eventsOf(service, tenantId, 'refunds.RefundRejected')).find((e) => e.envelope.payload['refundId'] === refund.id)!;
    expect(rejected.envelope.payload).toMatchObject({ reviewerIds: [STAFF.li.actorId], amount: { amountMinor: 38_000, currency: 'CNY' }, locale: 'zh-CN' });
    const late = await approve(refund.id, STAFF.zhao);
    expect(late.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    expect(late.errors?.[0]?.message).toContain('REJECTED');
  });

  it('judges each request by the policy version in force when it was made', async () => {
    const before = await requested(refundInput());
    const policy = {
      ...DEFAULT_REFUND_POLICY,
      feeTypes: DEFAULT_REFUND_POLICY.feeTypes.filter((r) => r.feeType !== 'SERVICE_FEE'),
      secondApprovalAbove: { amountMinor: 100_000, currency: 'CNY' },
    };
    const updated = await service.asGateway<{ updateRefundPolicy: { version: number } }>(
      tenantId,
      'mutation($input: RefundPolicyInput!) { updateRefundPolicy(input: $input) { version } }',
      { input: policy },
      STAFF.admin,
    );
    expect(updated.errors).toBeUndefined();
    const version = updated.data!.updateRefundPolicy.version;
    expect(version).toBe(before.evaluation.policyVersion + 1);
    const forbidden = await service.asGateway(tenantId, 'mutation($input: RefundPolicyInput!) { updateRefundPolicy(input: $input) { version } }', { input: policy }, STAFF.li);
    expect(forbidden.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    const after = await requested(refundInput());
    expect(after.evaluation).toMatchObject({ verdict: 'INELIGIBLE', policyVersion: version });
    expect(after.evaluation.lines.find((l) => l.outcome === 'FAILED')!.rule).toBe('FEE_TYPE_REFUNDABLE');
    const old = await service.asGateway<{ refund: RefundView }>(tenantId, REFUND, { id: before.id });
    expect(old.data!.refund.evaluation).toMatchObject({ verdict: 'ELIGIBLE', policyVersion: before.evaluation.policyVersion });
    expect(old.data!.refund.approvalsRequired).toBe(1);

    // An ineligible request is approved only with a stated reason for overriding the policy.
    const bare = await approve(after.id, STAFF.zhao);
    expect(bare.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.overrideReason' });
    const overridden = await approve(after.id, STAFF.zhao, { overrideReason: '投诉处理决定认定收费依据不充分' });
    expect(overridden.data!.approveRefund.refund).toMatchObject({ status: 'APPROVED', overrideReason: '投诉处理决定认定收费依据不充分' });
  });

  it('lists and filters refunds with cursor pagination, and hides them from other tenants', async () => {
    const complaintId = randomUUID();
    for (let i = 0; i < 3; i += 1) await requested(refundInput({ complaintId }));
    const page = (after: string | null) =>
      service.asGateway<{ refunds: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
        tenantId,
        'query($after: String, $c: ID) { refunds(first: 2, after: $after, filter: { complaintId: $c, statuses: [IN_REVIEW] }) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
        { after, c: complaintId },
      );
    const one = await page(null);
    expect(one.data!.refunds.edges).toHaveLength(2);
    expect(one.data!.refunds.pageInfo.hasNextPage).toBe(true);
    const two = await page(one.data!.refunds.pageInfo.endCursor);
    expect(two.data!.refunds.edges).toHaveLength(1);
    expect(two.data!.refunds.pageInfo.hasNextPage).toBe(false);

    const entities = await service.asGateway<{ _entities: { refunds: { edges: unknown[] } }[] }>(
      tenantId,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Complaint { refunds(first: 10) { edges { node { id status } } } } } }',
      { r: [{ __typename: 'Complaint', id: complaintId }, { __typename: 'Complaint', id: randomUUID() }] },
    );
    expect(entities.data!._entities.map((c) => c.refunds.edges.length)).toEqual([3, 0]);

    const other = await service.asGateway<{ refunds: { edges: unknown[] }; refund: unknown }>(
      randomUUID(),
      'query($id: ID!) { refunds(first: 5) { edges { node { id } } } refund(id: $id) { id } }',
      { id: one.data!.refunds.edges[0]!.node.id },
    );
    expect(other.data).toEqual({ refunds: { edges: [] }, refund: null });
  });

  it('shows a borrower only their own refunds', async () => {
    const mine = await requested(refundInput({ borrowerId: 'NWD-C-777001' }));
    const theirs = await requested(refundInput({ borrowerId: 'NWD-C-777002' }));
    const borrower = { actorId: 'borrower:777001', roles: ['borrower'], borrowerId: 'NWD-C-777001' };
    const seen = await service.asGateway<{ a: { id: string } | null; b: { id: string } | null; refunds: { edges: { node: { id: string } }[] } }>(
      tenantId,
      'query($a: ID!, $b: ID!) { a: refund(id: $a) { id } b: refund(id: $b) { id } refunds(first: 50) { edges { node { id } } } }',
      { a: mine.id, b: theirs.id },
      borrower,
    );
    expect(seen.data!.a?.id).toBe(mine.id);
    expect(seen.data!.b).toBeNull();
    expect(seen.data!.refunds.edges.map((e) => e.node.id)).toEqual([mine.id]);
  });
});
