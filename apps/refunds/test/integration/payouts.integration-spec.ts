import { randomUUID } from 'node:crypto';
import { PaymentProviderDouble, waitFor } from '@redress/devkit';
import { createLogger } from '@redress/logger';
import { PayoutProcessor } from '../../src/payout/jobs/payout-processor';
import { HttpPaymentProvider } from '../../src/payout/provider/http-payment-provider';
import { RefundClockAlertScheduler } from '../../src/refund/jobs/clock-alerts/refund-clock-alert.scheduler';
import { APPROVE, count, eventsOf, REFUND, refundInput, REQUEST, STAFF, startRefunds, type RefundView, type Service } from './refunds-harness';

type Requested = { requestRefund: { refund: RefundView } };

describe('approval and payout', () => {
  let service: Service;
  const provider = new PaymentProviderDouble();
  const tenantId = randomUUID();

  const request = async (input: Record<string, unknown>) => {
    const result = await service.asGateway<Requested>(tenantId, REQUEST, { input }, STAFF.app);
    expect(result.errors).toBeUndefined();
    return result.data!.requestRefund.refund;
  };
  const approve = (refundId: string, caller = STAFF.zhao) =>
    service.asGateway<{ approveRefund: { refund: RefundView } }>(tenantId, APPROVE, { input: { refundId } }, caller);
  const refundNow = async (id: string) => (await service.asGateway<{ refund: RefundView }>(tenantId, REFUND, { id })).data!.refund;
  const settled = (id: string) => waitFor(`refund ${id} settled`, async () => {
    const r = await refundNow(id);
    return r.status !== 'APPROVED' ? r : null;
  }, 20_000);

  beforeAll(async () => {
    service = await startRefunds(provider);
  });

  afterAll(async () => {
    await service?.stop();
    await provider.stop();
  });

  beforeEach(() => {
    provider.script = () => 'pay';
  });

  it('lets exactly one of two simultaneous approvals that together exceed the charge win', async () => {
    for (let round = 0; round < 5; round += 1) {
      const charge = { reference: `NWD-FEE-RACE-${randomUUID().slice(0, 8)}`, amount: { amountMinor: 100_000, currency: 'CNY' }, chargedAt: '2026-11-01T09:30:00+08:00' };
      const amount = { amountMinor: 60_000, currency: 'CNY' };
      const a = await request(refundInput({ amount }, charge));
      const b = await request(refundInput({ amount }, charge));
      const results = await Promise.all([approve(a.id, STAFF.zhao), approve(b.id, STAFF.sun)]);
      const won = results.filter((r) => !r.errors);
      const lost = results.filter((r) => r.errors);
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', rule: 'NEVER_MORE_THAN_THE_CHARGE', chargeReference: charge.reference });
      expect(await count(service, 'SELECT committed_minor AS n FROM refunds.charges WHERE tenant_id = $1 AND reference = $2', [tenantId, charge.reference])).toBe(60_000);
      const loser = await refundNow(won[0]!.data!.approveRefund.refund.id === a.id ? b.id : a.id);
      expect(loser).toMatchObject({ status: 'IN_REVIEW', approvals: [], payouts: [] });
    }
  });

  it('refuses, in the database itself, a commitment beyond the charge', async () => {
    const refund = await request(refundInput());
    await expect(
      count(service, `UPDATE refunds.charges SET committed_minor = amount_minor + 1 WHERE tenant_id = $1 AND reference = $2 RETURNING 1 AS n`, [
        tenantId,
        (await refundNow(refund.id)).charge!.reference,
      ]),
    ).rejects.toThrow(/charges_never_over_refunded/);
  });

  it('retries a provider that fails twice, then is paid exactly once', async () => {
    provider.script = (call) => (call <= 2 ? 'fail-500' : 'pay');
    const refund = await request(refundInput());
    expect((await approve(refund.id)).errors).toBeUndefined();
    const done = await settled(refund.id);
    expect(done.status).toBe('PAID');
    const payout = done.payouts[0]!;
    expect(payout).toMatchObject({ state: 'PAID', attempts: 3, providerReference: `PP-${payout.id.slice(0, 8)}` });
    expect(provider.calls.get(payout.id)).toBe(3);
    expect(provider.payments.get(payout.id)).toMatchObject({ amountMinor: 38_000, currency: 'CNY' });
    const changes = (await eventsOf(service, tenantId, 'refunds.RefundPayoutStateChanged')).filter((e) => e.envelope.payload['payoutId'] === payout.id);
    expect(changes.map((e) => e.envelope.payload['toState'])).toEqual(['PENDING', 'PAID']);
    const timeline = await service.asGateway<{ refund: { timeline: { action: string; actorId: string }[] } }>(tenantId, 'query($id: ID!) { refund(id: $id) { timeline { action actorId } } }', { id: refund.id });
    expect(timeline.data!.refund.timeline.map((s) => s.action)).toEqual(['request', 'approve', 'payout-paid']);
  });

  it('does not pay again when the provider paid but its answer timed out', async () => {
    const before = provider.paymentCount;
    provider.stallMs = 3_000; // the adapter gives up after 1 s
    provider.script = (call) => (call === 1 ? 'pay-then-stall' : 'pay');
    const refund = await request(refundInput());
    expect((await approve(refund.id)).errors).toBeUndefined();
    const done = await settled(refund.id);
    const payout = done.payouts[0]!;
    expect(done.status).toBe('PAID');
    expect(provider.calls.get(payout.id)).toBeGreaterThanOrEqual(2);
    expect(provider.paymentCount - before).toBe(1);
    expect(payout.attempts).toBeGreaterThanOrEqual(2);
  });

  it('marks a payout the provider refuses FAILED, and pays it again with a new payout id on retry', async () => {
    provider.script = () => 'decline';
    const refund = await request(refundInput());
    await approve(refund.id);
    const failed = await settled(refund.id);
    expect(failed).toMatchObject({ status: 'PAYOUT_FAILED', payouts: [{ state: 'FAILED', attempts: 1 }] });
    expect(failed.payouts[0]!.lastError).toContain('HTTP 422');
    provider.script = () => 'pay';
    const retried = await service.asGateway<{ retryRefundPayout: { refund: RefundView } }>(
      tenantId,
      'mutation($input: RefundIdInput!) { retryRefundPayout(input: $input) { refund { status } } }',
      { input: { refundId: refund.id } },
      STAFF.li,
    );
    expect(retried.data!.retryRefundPayout.refund.status).toBe('APPROVED');
    const paid = await settled(refund.id);
    expect(paid.status).toBe('PAID');
    expect(paid.payouts.map((p) => p.state)).toEqual(['FAILED', 'PAID']);
    expect(paid.payouts[0]!.id).not.toBe(paid.payouts[1]!.id);
    // The charge still carries the refund once.
    expect(paid.charge!.refundedAmount.amountMinor).toBe(38_000);

    const reversed = await service.asGateway<{ recordRefundPayoutReversal: { refund: RefundView } }>(
      tenantId,
      'mutation($input: RecordPayoutReversalInput!) { recordRefundPayoutReversal(input: $input) { refund { status payouts { state } } } }',
      { input: { refundId: refund.id, reason: '收款账户已注销，款项退回' } },
      STAFF.li,
    );
    expect(reversed.data!.recordRefundPayoutReversal.refund).toMatchObject({ status: 'PAYOUT_REVERSED', payouts: [{ state: 'FAILED' }, { state: 'REVERSED' }] });
  });

  it('refuses to retry a payout that is paid, naming the states', async () => {
    const refund = await request(refundInput());
    await approve(refund.id);
    await settled(refund.id);
    const result = await service.asGateway(tenantId, 'mutation($input: RefundIdInput!) { retryRefundPayout(input: $input) { refund { id } } }', { input: { refundId: refund.id } }, STAFF.li);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    expect(result.errors?.[0]?.message).toContain('PAID');
  });
  it('pays each payout once when several workers send payouts at the same time', async () => {
    const deps = service.running.deps;
    const worker = () =>
      new PayoutProcessor(deps.dataSource, deps.outbox, new HttpPaymentProvider({ baseUrl: process.env['PAYOUT_PROVIDER_URL']!, apiKey: null, timeoutMs: 1_000 }), deps.personalData, createLogger('test', 'silent'), {
        intervalMs: 60_000,
        retry: { baseDelayMs: 50, maxDelayMs: 200 },
        leaseMs: 6_000,
        concurrency: 4,
      });
    const workers = [worker(), worker(), worker()];
    const before = provider.paymentCount;
    const refunds = await Promise.all(Array.from({ length: 12 }, () => request(refundInput())));
    await Promise.all(refunds.map((r) => approve(r.id)));
    await Promise.all(workers.map((w) => w.processDue()));
    const paid = await Promise.all(refunds.map((r) => settled(r.id)));
    expect(paid.every((r) => r.status === 'PAID')).toBe(true);
    expect(provider.paymentCount - before).toBe(12);
    for (const r of paid) expect(provider.calls.get(r.payouts[0]!.id)).toBe(1);
  });

  it('escalates a payout that is still pending when its time limit passes, once', async () => {
    provider.script = () => 'pending';
    const refund = await request(refundInput());
    await approve(refund.id);
    await waitFor('the provider to be asked', async () => (await refundNow(refund.id)).payouts[0]!.attempts >= 1);
    expect((await refundNow(refund.id)).payouts[0]!.state).toBe('PENDING');
    const deps = service.running.deps;
    const late = new Date(Date.now() + 49 * 3_600_000); // default policy: payout within 48 h
    const scheduler = new RefundClockAlertScheduler(deps.dataSource, deps.outbox, createLogger('test', 'silent'), { intervalMs: 60_000, now: () => late, batchSize: 10_000 });
    await scheduler.raiseDueAlerts();
    await scheduler.raiseDueAlerts();
    const alerts = (await eventsOf(service, tenantId, 'refunds.RefundClockAlert')).filter((e) => e.envelope.payload['refundId'] === refund.id);
    expect(alerts.map((e) => [e.envelope.payload['clock'], e.envelope.payload['alert']])).toEqual([['PAYOUT', 'BREACH']]);
  });
});
