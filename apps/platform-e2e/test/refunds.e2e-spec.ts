import { randomUUID } from 'node:crypto';
import { adminQuery, bearer, devToken, E2E_DATABASE, graphqlRequest, PaymentProviderDouble, startPlatformUnderTest, waitFor } from '@redress/devkit';

type Platform = Awaited<ReturnType<typeof startPlatformUnderTest>>;

interface RefundNode {
  id: string;
  reference: string;
  status: string;
  channel: string;
  amount: { amountMinor: number; currency: string };
  evaluation: { verdict: string; lines: { rule: string; outcome: string; plainWords: string }[] };
  payouts: { id: string; state: string; attempts: number }[];
}

const REFUND_FIELDS = 'id reference status channel amount { amountMinor currency } evaluation { verdict lines { rule outcome plainWords } } payouts { id state attempts }';
const COMPLAINT_REFUNDS = `query($id: ID!) { complaint(id: $id) { reference refunds { edges { node { ${REFUND_FIELDS} } } } } }`;
const STEP_INPUT: Record<string, string> = {
  acceptComplaint: 'ComplaintStepInput',
  assignComplaint: 'AssignComplaintInput',
  startInvestigation: 'ComplaintStepInput',
  proposeResolution: 'ProposeResolutionInput',
  acceptResolution: 'ComplaintStepInput',
};

describe('refunds through the gateway', () => {
  let platform: Platform;
  const provider = new PaymentProviderDouble();
  const tenantId = randomUUID();
  const handler = bearer(devToken(tenantId, 'handler:zhou-min', ['handler']));
  const supervisor = bearer(devToken(tenantId, 'supervisor:zhao-lei', ['supervisor']));
  const partnerApp = bearer(devToken(tenantId, 'partner-app:niwodai', ['partner_app']));
  const gateway = () => platform.processes.gatewayUrl;
  const chargeReference = `NWD-FEE-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    const providerUrl = await provider.start();
    // The provider is unavailable twice per payout before it pays: every payout goes through a retry.
    provider.script = (call) => (call <= 2 ? 'fail-500' : 'pay');
    platform = await startPlatformUnderTest('refunds', undefined, {
      PAYOUT_PROVIDER_URL: providerUrl,
      PAYOUT_RETRY_BASE_MS: '100',
      PAYOUT_RETRY_MAX_MS: '500',
      PAYOUT_SCAN_INTERVAL_MS: '200',
      PAYOUT_PROVIDER_TIMEOUT_MS: '2000',
    });
  });

  afterAll(async () => {
    await platform?.stop();
    await provider.stop();
  });

  it('turns an accepted complaint decision into a refund on the complaint, reviewed and paid once', async () => {
    const filed = await graphqlRequest<{ fileComplaint: { complaint: { id: string } } }>(
      gateway(),
      'mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id } } }',
      {
        input: {
          channel: 'APP',
          complainant: { name: '王秀英', phone: '13812341234', locale: 'zh_CN' },
          productName: '你我贷·极速借',
          description: '提前还清借款后，平台仍按原期限收取了 380 元服务费，客服只回复标准话术。',
          disputedAmount: { amountMinor: 38_000, currency: 'CNY' },
        },
      },
      handler,
    );
    expect(filed.errors).toBeUndefined();
    const complaintId = filed.data!.fileComplaint.complaint.id;
    const steps: [string, Record<string, unknown>][] = [
      ['acceptComplaint', {}],
      ['assignComplaint', { handlerId: 'staff-0007', team: '投诉处理一组' }],
      ['startInvestigation', {}],
      [
        'proposeResolution',
        {
          outcome: 'UPHELD',
          reasons: '提前结清后按原期限收取服务费缺乏合同依据，应予退还。',
          remedies: [{ type: 'REFUND', amount: { amountMinor: 38_000, currency: 'CNY' }, feeType: 'SERVICE_FEE', chargeReference, description: '退还多收的服务费 380 元' }],
        },
      ],
      ['acceptResolution', {}],
    ];
    for (const [mutation, extra] of steps) {
      const result = await graphqlRequest(gateway(), `mutation($input: ${STEP_INPUT[mutation]}!) { ${mutation}(input: $input) { complaint { status } } }`, { input: { complaintId, ...extra } }, handler);
      expect(result.errors).toBeUndefined();
    }

    const refunds = async () =>
      (await graphqlRequest<{ complaint: { refunds: { edges: { node: RefundNode }[] } } }>(gateway(), COMPLAINT_REFUNDS, { id: complaintId }, handler)).data?.complaint.refunds.edges.map((e) => e.node) ?? [];
    const [refund] = await waitFor('the refund of the accepted decision on Complaint.refunds', async () => ((await refunds()).length ? refunds() : null));
    expect(refund).toMatchObject({ status: 'IN_REVIEW', channel: 'COMPLAINT_DECISION', amount: { amountMinor: 38_000, currency: 'CNY' }, evaluation: { verdict: 'INELIGIBLE' } });
    expect(refund!.evaluation.lines[0]).toMatchObject({ rule: 'CHARGE_RECORDED', outcome: 'FAILED' });

    const recorded = await graphqlRequest<{ recordRefundCharge: { refund: RefundNode } }>(
      gateway(),
      `mutation($input: RecordRefundChargeInput!) { recordRefundCharge(input: $input) { refund { ${REFUND_FIELDS} } } }`,
      { input: { refundId: refund!.id, charge: { reference: chargeReference, feeType: 'SERVICE_FEE', amount: { amountMinor: 38_000, currency: 'CNY' }, chargedAt: new Date(Date.now() - 20 * 86_400_000).toISOString() } } },
      handler,
    );
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordRefundCharge.refund.evaluation.verdict).toBe('ELIGIBLE');

    const approved = await graphqlRequest<{ approveRefund: { refund: RefundNode } }>(
      gateway(),
      `mutation($input: ApproveRefundInput!) { approveRefund(input: $input) { refund { ${REFUND_FIELDS} } } }`,
      { input: { refundId: refund!.id, note: '核对扣费记录无误' } },
      supervisor,
    );
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.approveRefund.refund.status).toBe('APPROVED');

    const paid = await waitFor('the payout paid', async () => {
      const [r] = await refunds();
      return r?.status === 'PAID' ? r : null;
    });
    expect(paid.payouts).toEqual([expect.objectContaining({ state: 'PAID', attempts: 3 })]);
    expect(provider.payments.size).toBe(1);
    expect(provider.paymentCount).toBe(1);
    expect(provider.payments.get(paid.payouts[0]!.id)).toMatchObject({ amountMinor: 38_000, currency: 'CNY' });

    // Every step went out through the outbox and Kafka.
    const published = await waitFor('refund events published', async () => {
      const rows = await adminQuery<{ event_type: string }>(
        platform.infra.adminUrl,
        E2E_DATABASE,
        'SELECT event_type FROM refunds.outbox WHERE tenant_id = $1 AND published_at IS NOT NULL ORDER BY seq',
        [tenantId],
      );
      return rows.length >= 7 ? rows.map((r) => r.event_type) : null;
    });
    expect(published).toEqual([
      'refunds.RefundPolicyVersioned',
      'refunds.RefundRequested',
      'refunds.RefundEvaluated',
      'refunds.RefundEvaluated',
      'refunds.RefundApproved',
      'refunds.RefundPayoutStateChanged',
      'refunds.RefundPayoutStateChanged',
    ]);
  });

  it('takes a partner app\'s request once per idempotency key, and refuses bad input naming the field', async () => {
    const input = {
      idempotencyKey: `nwd-app-${randomUUID()}`,
      channel: 'PARTNER_APP',
      borrowerId: 'NWD-C-000321',
      charge: { reference: `NWD-MEM-${randomUUID().slice(0, 8)}`, feeType: 'MEMBERSHIP_FEE', amount: { amountMinor: 19_900, currency: 'CNY' }, chargedAt: new Date(Date.now() - 3 * 86_400_000).toISOString() },
      amount: { amountMinor: 19_900, currency: 'CNY' },
      reason: '开通会员后未使用任何权益，申请退还会员费。',
      locale: 'zh_CN',
    };
    const REQUEST = `mutation($input: RequestRefundInput!) { requestRefund(input: $input) { created refund { ${REFUND_FIELDS} } } }`;
    const first = await graphqlRequest<{ requestRefund: { created: boolean; refund: RefundNode } }>(gateway(), REQUEST, { input }, partnerApp);
    expect(first.errors).toBeUndefined();
    expect(first.data!.requestRefund).toMatchObject({ created: true, refund: { status: 'IN_REVIEW', evaluation: { verdict: 'ELIGIBLE' } } });
    const again = await graphqlRequest<{ requestRefund: { created: boolean; refund: RefundNode } }>(gateway(), REQUEST, { input }, partnerApp);
    expect(again.data!.requestRefund).toMatchObject({ created: false, refund: { id: first.data!.requestRefund.refund.id } });

    const over = await graphqlRequest(gateway(), REQUEST, { input: { ...input, idempotencyKey: `nwd-app-${randomUUID()}`, amount: { amountMinor: 19_901, currency: 'CNY' } } }, partnerApp);
    expect(over.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount.amountMinor' });
    const fractional = await graphqlRequest(gateway(), REQUEST, { input: { ...input, idempotencyKey: `nwd-app-${randomUUID()}`, amount: { amountMinor: 99.5, currency: 'CNY' } } }, partnerApp);
    expect(fractional.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount.amountMinor' });

    const forbidden = await graphqlRequest(gateway(), 'mutation($input: ApproveRefundInput!) { approveRefund(input: $input) { refund { id } } }', { input: { refundId: first.data!.requestRefund.refund.id } }, partnerApp);
    expect(forbidden.errors![0]!.extensions?.['code']).toBe('FORBIDDEN');

    const otherTenant = await graphqlRequest<{ refund: unknown }>(gateway(), 'query($id: ID!) { refund(id: $id) { id } }', { id: first.data!.requestRefund.refund.id }, bearer(devToken(randomUUID())));
    expect(otherTenant.data!.refund).toBeNull();
  });
});
