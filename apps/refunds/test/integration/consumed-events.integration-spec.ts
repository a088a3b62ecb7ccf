import { randomUUID } from 'node:crypto';
import {
  AppealUpheldV1,
  ComplaintResolutionAcceptedV1,
  MediationRefundAgreedV1,
  TenantOnboardedV1,
  type ComplaintResolutionAcceptedPayload,
} from '@redress/contracts';
import { DEFAULT_COMPLAINT_CLOCK_POLICY } from '@redress/contracts';
import { createLogger } from '@redress/logger';
import { RefundClockAlertScheduler } from '../../src/refund/jobs/clock-alerts/refund-clock-alert.scheduler';
import { APPROVE, count, deliver, eventsOf, REFUND, REFUND_FIELDS, REJECT, STAFF, startRefunds, type RefundView, type Service } from './refunds-harness';

const LIST_OF_COMPLAINT = `query($c: ID) { refunds(first: 20, filter: { complaintId: $c }) { edges { node { ${REFUND_FIELDS} } } } }`;

describe('refunds made from other services\' decisions', () => {
  let service: Service;
  const tenantId = randomUUID();

  const refundsOf = async (complaintId: string) =>
    (await service.asGateway<{ refunds: { edges: { node: RefundView }[] } }>(tenantId, LIST_OF_COMPLAINT, { c: complaintId })).data!.refunds.edges.map((e) => e.node);
  const decision = (overrides: Partial<ComplaintResolutionAcceptedPayload> = {}): ComplaintResolutionAcceptedPayload => ({
    complaintId: randomUUID(),
    reference: 'TS20261125-000042',
    decisionId: randomUUID(),
    outcome: 'PARTLY_UPHELD',
    reasons: '经核查，提前结清后按原期限收取服务费缺乏合同依据，应予退还；会员费已使用权益，不予退还。',
    remedies: [
      { type: 'EXPLANATION', amount: null, feeType: null, chargeReference: null, description: '书面说明收费依据' },
      { type: 'REFUND', amount: { amountMinor: 38_000, currency: 'CNY' }, feeType: 'SERVICE_FEE', chargeReference: `NWD-FEE-${randomUUID().slice(0, 8)}`, description: '退还多收的服务费 380 元' },
      { type: 'REFUND', amount: { amountMinor: 5_000, currency: 'CNY' }, feeType: 'FEE_CHARGED_IN_ERROR', chargeReference: null, description: null },
    ],
    borrowerId: 'NWD-C-000321',
    productName: '你我贷·极速借',
    contractNumber: 'NWD-2025-0081123',
    handlerId: STAFF.li.actorId,
    reviewerIds: [],
    locale: 'zh-CN',
    acceptedAt: new Date().toISOString(),
    ...overrides,
  });

  beforeAll(async () => {
    service = await startRefunds();
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('makes one refund request per REFUND remedy, however often the decision arrives', async () => {
    const payload = decision();
    const first = await deliver(service, ComplaintResolutionAcceptedV1, tenantId, payload);
    expect(first.outcome).toBe('handled');
    expect((await deliver(service, ComplaintResolutionAcceptedV1, tenantId, payload, first.eventId)).outcome).toBe('duplicate');
    // Re-issued with a new event id (e.g. a replay): still keyed on (decision, remedy index).
    expect((await deliver(service, ComplaintResolutionAcceptedV1, tenantId, payload)).outcome).toBe('handled');
    const refunds = await refundsOf(payload.complaintId);
    expect(refunds).toHaveLength(2);
    expect(refunds.map((r) => r.amount.amountMinor).sort((a, b) => a - b)).toEqual([5_000, 38_000]);
    expect(refunds.every((r) => r['channel'] === 'COMPLAINT_DECISION' && r['handlerId'] === STAFF.li.actorId)).toBe(true);
    const requested = (await eventsOf(service, tenantId, 'refunds.RefundRequested')).filter((e) => e.envelope.payload['complaintId'] === payload.complaintId);
    expect(requested).toHaveLength(2);
    expect(requested[0]!.envelope.causationId).toBe(first.eventId);
  });

  it('waits for the charge to be recorded, then does not let the complaint\'s handler approve alone', async () => {
    const payload = decision();
    await deliver(service, ComplaintResolutionAcceptedV1, tenantId, payload);
    const refund = (await refundsOf(payload.complaintId)).find((r) => r.amount.amountMinor === 38_000)!;
    expect(refund.evaluation.lines[0]).toMatchObject({ rule: 'CHARGE_RECORDED', outcome: 'FAILED' });
    const early = await service.asGateway(tenantId, APPROVE, { input: { refundId: refund.id } }, STAFF.zhao);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', rule: 'CHARGE_RECORDED' });

    const charge = { reference: refund['chargeReference'], feeType: 'SERVICE_FEE', amount: { amountMinor: 38_000, currency: 'CNY' }, chargedAt: '2026-10-20T10:00:00+08:00' };
    const wrong = await service.asGateway(tenantId, 'mutation($input: RecordRefundChargeInput!) { recordRefundCharge(input: $input) { refund { id } } }', {
      input: { refundId: refund.id, charge: { ...charge, amount: { amountMinor: 30_000, currency: 'CNY' } } },
    });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.charge.amount.amountMinor' });
    const recorded = await service.asGateway<{ recordRefundCharge: { refund: RefundView } }>(
      tenantId,
      `mutation($input: RecordRefundChargeInput!) { recordRefundCharge(input: $input) { refund { ${REFUND_FIELDS} } } }`,
      { input: { refundId: refund.id, charge } },
      STAFF.wang,
    );
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordRefundCharge.refund.evaluation.verdict).toBe('ELIGIBLE');

    const byHandler = await service.asGateway<{ approveRefund: { refund: RefundView } }>(tenantId, APPROVE, { input: { refundId: refund.id } }, STAFF.li);
    expect(byHandler.data!.approveRefund.refund).toMatchObject({ status: 'AWAITING_SECOND_APPROVAL', approvalsRequired: 2 });
    const second = await service.asGateway<{ approveRefund: { refund: RefundView } }>(tenantId, APPROVE, { input: { refundId: refund.id } }, STAFF.wang);
    expect(second.data!.approveRefund.refund.status).toBe('APPROVED');
  });

  it('takes the charge reference from the recorded charge when the decision named none', async () => {
    const payload = decision();
    await deliver(service, ComplaintResolutionAcceptedV1, tenantId, payload);
    const refund = (await refundsOf(payload.complaintId)).find((r) => r.amount.amountMinor === 5_000)!;
    expect(refund['chargeReference']).toBeNull();
    const reference = `NWD-ERR-${randomUUID().slice(0, 8)}`;
    const recorded = await service.asGateway(tenantId, 'mutation($input: RecordRefundChargeInput!) { recordRefundCharge(input: $input) { refund { id } } }', {
      input: { refundId: refund.id, charge: { reference, feeType: 'FEE_CHARGED_IN_ERROR', amount: { amountMinor: 5_000, currency: 'CNY' }, chargedAt: '2026-11-02T08:00:00+08:00' } },
    });
    expect(recorded.errors).toBeUndefined();
    const found = await service.asGateway<{ refunds: { edges: { node: { id: string } }[] } }>(tenantId, 'query($r: String) { refunds(filter: { chargeReference: $r }) { edges { node { id } } } }', { r: reference });
    expect(found.data!.refunds.edges.map((e) => e.node.id)).toEqual([refund.id]);
  });

  it('never commits a refund in another currency against a charge, even with an override', async () => {
    const original = decision();
    await deliver(service, ComplaintResolutionAcceptedV1, tenantId, original);
    const cny = (await refundsOf(original.complaintId)).find((r) => r.amount.amountMinor === 38_000)!;
    const charge = { reference: cny['chargeReference'], feeType: 'SERVICE_FEE', amount: { amountMinor: 38_000, currency: 'CNY' }, chargedAt: '2026-10-20T10:00:00+08:00' };
    await service.asGateway(tenantId, 'mutation($input: RecordRefundChargeInput!) { recordRefundCharge(input: $input) { refund { id } } }', { input: { refundId: cny.id, charge } });
    const usd = decision({
      remedies: [{ type: 'REFUND', amount: { amountMinor: 5_000, currency: 'USD' }, feeType: 'SERVICE_FEE', chargeReference: charge.reference as string, description: null }],
    });
    await deliver(service, ComplaintResolutionAcceptedV1, tenantId, usd);
    const [refund] = await refundsOf(usd.complaintId);
    expect(refund!.evaluation.lines.find((l) => l.rule === 'AMOUNT_WITHIN_CHARGE')).toMatchObject({ outcome: 'FAILED' });
    // In another currency than the threshold, two approvers are needed: the second is refused.
    const first = await service.asGateway<{ approveRefund: { refund: RefundView } }>(tenantId, APPROVE, { input: { refundId: refund!.id, overrideReason: '按投诉决定执行' } }, STAFF.zhao);
    expect(first.data!.approveRefund.refund.status).toBe('AWAITING_SECOND_APPROVAL');
    const result = await service.asGateway(tenantId, APPROVE, { input: { refundId: refund!.id } }, STAFF.sun);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', rule: 'AMOUNT_WITHIN_CHARGE' });
    expect(await count(service, 'SELECT committed_minor AS n FROM refunds.charges WHERE tenant_id = $1 AND reference = $2', [tenantId, charge.reference])).toBe(0);
  });

  it('makes one refund request per mediation agreement entry', async () => {
    const payload = {
      caseId: randomUUID(),
      reference: 'TJ20261125-000007',
      agreementId: randomUUID(),
      complaintId: randomUUID(),
      borrowerId: 'NWD-C-000555',
      contractNumber: null,
      refunds: [
        { amount: { amountMinor: 12_000, currency: 'CNY' }, feeType: 'GUARANTEE_FEE', chargeReference: null, description: '退还担保费 120 元' },
        { amount: { amountMinor: 3_000, currency: 'CNY' }, feeType: 'FEE_CHARGED_IN_ERROR', chargeReference: null, description: '退还错收的逾期服务费' },
      ],
      agreedAt: new Date().toISOString(),
      locale: 'zh-CN' as const,
    };
    await deliver(service, MediationRefundAgreedV1, tenantId, payload);
    await deliver(service, MediationRefundAgreedV1, tenantId, payload);
    const refunds = await refundsOf(payload.complaintId);
    expect(refunds.map((r) => r['channel'])).toEqual(['MEDIATION_AGREEMENT', 'MEDIATION_AGREEMENT']);
  });

  it('sends a rejected refund back to review once when an appeal against the rejection is upheld', async () => {
    const payload = decision();
    await deliver(service, ComplaintResolutionAcceptedV1, tenantId, payload);
    const refund = (await refundsOf(payload.complaintId))[0]!;
    await service.asGateway(tenantId, REJECT, { input: { refundId: refund.id, reasons: '扣费记录显示该笔费用已于上月退还。' } }, STAFF.zhao);
    const appeal = {
      appealId: randomUUID(),
      reference: 'SS20261125-000003',
      target: { kind: 'REFUND_REJECTION' as const, subjectId: refund.id, decisionId: refund.id },
      borrowerId: 'NWD-C-000321',
      reasons: '所称上月退还的款项并未到账，附银行流水。',
      decidedAt: new Date().toISOString(),
      locale: 'zh-CN' as const,
    };
    const first = await deliver(service, AppealUpheldV1, tenantId, appeal);
    await deliver(service, AppealUpheldV1, tenantId, appeal, first.eventId);
    await deliver(service, AppealUpheldV1, tenantId, appeal);
    const now = (await service.asGateway<{ refund: RefundView }>(tenantId, REFUND, { id: refund.id })).data!.refund;
    expect(now).toMatchObject({ status: 'IN_REVIEW', approvals: [], rejectionReasons: null });
    const returned = (await eventsOf(service, tenantId, 'refunds.RefundReturnedToReview')).filter((e) => e.envelope.payload['refundId'] === refund.id);
    expect(returned).toHaveLength(1);
    // Other appeals are not the refunds service's business.
    const other = await deliver(service, AppealUpheldV1, tenantId, { ...appeal, appealId: randomUUID(), target: { ...appeal.target, kind: 'COMPLAINT_DECISION' } });
    expect(other.outcome).toBe('handled');
    expect((await eventsOf(service, tenantId, 'refunds.RefundReturnedToReview')).filter((e) => e.envelope.payload['refundId'] === refund.id)).toHaveLength(1);
  });

  it('creates a tenant\'s policy from onboarding, applying only newer revisions', async () => {
    const onboarded = randomUUID();
    const base = {
      tenantId: onboarded,
      name: '桔多多',
      code: 'JDD',
      locales: ['zh-CN' as const],
      defaultLocale: 'zh-CN' as const,
      timeZone: 'Asia/Shanghai',
      enabledChannels: ['APP' as const, 'HOTLINE' as const],
      clockPolicy: DEFAULT_COMPLAINT_CLOCK_POLICY,
      onboardedAt: new Date().toISOString(),
    };
    await deliver(service, TenantOnboardedV1, onboarded, { ...base, refundPolicy: null, revision: 1 });
    await deliver(service, TenantOnboardedV1, onboarded, {
      ...base,
      refundPolicy: {
        feeTypes: [{ feeType: 'MEMBERSHIP_FEE', withinDaysOfCharge: 7, notAfter: ['BENEFITS_USED'] }],
        reviewWithinHours: 24,
        payoutWithinHours: 24,
        warningHours: 4,
        payoutMethods: ['WALLET', 'ORIGINAL_PAYMENT_METHOD'],
        secondApprovalAbove: { amountMinor: 200_000, currency: 'CNY' },
      },
      revision: 3,
    });
    await deliver(service, TenantOnboardedV1, onboarded, { ...base, refundPolicy: null, revision: 2 });
    const policy = await service.asGateway<{ refundPolicy: { version: number; createdBy: string; payoutMethods: string[]; feeTypes: { feeType: string }[] } }>(
      onboarded,
      '{ refundPolicy { version createdBy payoutMethods feeTypes { feeType withinDaysOfCharge notAfter } } }',
    );
    expect(policy.data!.refundPolicy).toMatchObject({ version: 2, createdBy: 'tenant-onboarding', payoutMethods: ['WALLET', 'ORIGINAL_PAYMENT_METHOD'], feeTypes: [{ feeType: 'MEMBERSHIP_FEE' }] });
    const invalid = await deliver(service, TenantOnboardedV1, onboarded, { ...base, refundPolicy: { feeTypes: [] }, revision: 4 });
    expect(invalid.outcome).toBe('dead-lettered');
  });

  it('raises each review warning and escalation exactly once', async () => {
    const payload = decision({ remedies: [decision().remedies[1]!] });
    await deliver(service, ComplaintResolutionAcceptedV1, tenantId, payload);
    const [refund] = await refundsOf(payload.complaintId);
    const scheduler = (at: Date) =>
      new RefundClockAlertScheduler(service.running.deps.dataSource, service.running.deps.outbox, createLogger('test', 'silent'), { intervalMs: 60_000, now: () => at, batchSize: 10_000 });
    const alertsOf = () => count(service, 'SELECT count(*) AS n FROM refunds.clock_alerts WHERE tenant_id = $1 AND refund_id = $2', [tenantId, refund!.id]);
    const warnAt = new Date(Date.now() + 66 * 3_600_000); // default policy: 72 h review, warning 8 h before
    await scheduler(warnAt).raiseDueAlerts();
    await scheduler(warnAt).raiseDueAlerts();
    expect(await alertsOf()).toBe(1);
    const breachAt = new Date(Date.now() + 73 * 3_600_000);
    await Promise.all([scheduler(breachAt).raiseDueAlerts(), scheduler(breachAt).raiseDueAlerts()]);
    expect(await alertsOf()).toBe(2);
    const alerts = (await eventsOf(service, tenantId, 'refunds.RefundClockAlert')).filter((e) => e.envelope.payload['refundId'] === refund!.id);
    expect(alerts.map((e) => [e.envelope.payload['clock'], e.envelope.payload['alert']])).toEqual([
      ['REVIEW', 'WARNING'],
      ['REVIEW', 'BREACH'],
    ]);
  });
});
