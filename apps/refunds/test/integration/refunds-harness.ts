import { randomUUID } from 'node:crypto';
import type { KafkaMessage } from 'kafkajs';
import { createEvent, topicName, type EventContract } from '@redress/contracts';
import { adminQuery, INTEGRATION_DATABASE, PaymentProviderDouble, startServiceUnderTest } from '@redress/devkit';
import { refundsService } from '../../src/refunds.service';

export type Service = Awaited<ReturnType<typeof startServiceUnderTest>>;

export const REFUND_FIELDS = `id reference status channel borrowerId chargeReference feeType amount { amountMinor currency } version
  handlerId requestedBy approvalsRequired overrideReason rejectionReasons payoutMethod payoutAccountHint
  evaluation { verdict policyVersion lines { rule outcome detail plainWords } }
  approvals { approverId asSupervisor }
  charge { reference amount { amountMinor } refundedAmount { amountMinor } remainingAmount { amountMinor } }
  payouts { id state attempts lastError providerReference }`;

export const REQUEST = `mutation($input: RequestRefundInput!) { requestRefund(input: $input) { created refund { ${REFUND_FIELDS} } } }`;
export const APPROVE = `mutation($input: ApproveRefundInput!) { approveRefund(input: $input) { refund { ${REFUND_FIELDS} } } }`;
export const REJECT = `mutation($input: RejectRefundInput!) { rejectRefund(input: $input) { refund { ${REFUND_FIELDS} } } }`;
export const REFUND = `query($id: ID!) { refund(id: $id) { ${REFUND_FIELDS} } }`;

export interface RefundView {
  id: string;
  reference: string;
  status: string;
  version: number;
  amount: { amountMinor: number; currency: string };
  approvalsRequired: number;
  evaluation: { verdict: string; policyVersion: number; lines: { rule: string; outcome: string; detail: string; plainWords: string }[] };
  approvals: { approverId: string; asSupervisor: boolean }[];
  charge: { reference: string; refundedAmount: { amountMinor: number }; remainingAmount: { amountMinor: number } } | null;
  payouts: { id: string; state: string; attempts: number; lastError: string | null; providerReference: string | null }[];
  [key: string]: unknown;
}

export const STAFF = {
  wang: { actorId: 'staff:wang-fang', roles: ['handler'] },
  li: { actorId: 'staff:li-na', roles: ['handler'] },
  zhao: { actorId: 'staff:zhao-lei', roles: ['supervisor'] },
  sun: { actorId: 'staff:sun-li', roles: ['supervisor'] },
  app: { actorId: 'partner-app:niwodai', roles: ['partner_app'] },
  admin: { actorId: 'admin:chen-jing', roles: ['tenant_admin'] },
};

let chargeSeq = 0;
/** A request for a service fee charged a month ago, from the partner app. */
export function refundInput(overrides: Record<string, unknown> = {}, charge: Record<string, unknown> = {}) {
  chargeSeq += 1;
  const amount = { amountMinor: 38_000, currency: 'CNY' };
  return {
    idempotencyKey: `nwd-app-${randomUUID()}`,
    channel: 'PARTNER_APP',
    borrowerId: 'NWD-C-000321',
    charge: {
      reference: `NWD-FEE-${Date.now()}-${chargeSeq}`,
      feeType: 'SERVICE_FEE',
      amount,
      chargedAt: new Date(Date.now() - 30 * 86_400_000).toISOString(),
      contractNumber: 'NWD-2025-0081123',
      ...charge,
    },
    amount,
    reason: '提前还清借款后，平台仍按原期限收取了 380 元服务费。',
    ...overrides,
  };
}

export async function startRefunds(provider?: PaymentProviderDouble) {
  if (provider) {
    process.env['PAYOUT_PROVIDER_URL'] = await provider.start();
    process.env['PAYOUT_PROVIDER_TIMEOUT_MS'] = '1000';
    process.env['PAYOUT_RETRY_BASE_MS'] = '50';
    process.env['PAYOUT_RETRY_MAX_MS'] = '200';
    process.env['PAYOUT_SCAN_INTERVAL_MS'] = '50';
  } else {
    delete process.env['PAYOUT_PROVIDER_URL'];
  }
  return startServiceUnderTest(refundsService);
}

export async function count(service: Service, sql: string, params: unknown[]): Promise<number> {
  const rows = await adminQuery<{ n: string }>(service.infra.adminUrl, INTEGRATION_DATABASE, sql, params);
  return Number(rows[0]!.n);
}

/** What a tenant has stored: refunds, charges and outbox events (to prove bad input changed nothing). */
export async function footprint(service: Service, tenantId: string) {
  const [refunds, charges, events] = await Promise.all(
    ['refunds.refunds', 'refunds.charges', 'refunds.outbox'].map((t) => count(service, `SELECT count(*) AS n FROM ${t} WHERE tenant_id = $1`, [tenantId])),
  );
  return { refunds, charges, events };
}

export async function eventsOf(service: Service, tenantId: string, type: string) {
  return adminQuery<{ envelope: { payload: Record<string, unknown>; causationId: string | null } }>(
    service.infra.adminUrl,
    INTEGRATION_DATABASE,
    `SELECT envelope FROM refunds.outbox WHERE tenant_id = $1 AND event_type = $2 ORDER BY seq`,
    [tenantId, type],
  );
}

/** Hands an event to the service's consumer as Kafka would deliver it (inbox, transaction and all). */
export async function deliver<P>(service: Service, contract: EventContract<P>, tenantId: string, payload: P, eventId?: string) {
  const event = createEvent(contract, payload, { tenantId, aggregateId: randomUUID(), correlationId: `it-${randomUUID()}` });
  const envelope = eventId ? { ...event, id: eventId } : event;
  const message = { key: Buffer.from(event.aggregateId), value: Buffer.from(JSON.stringify(envelope)), offset: '0', timestamp: String(Date.now()), attributes: 0, headers: {} } as KafkaMessage;
  const topic = topicName(service.running.deps.config.eventsNamespace, contract.topic);
  return { outcome: await service.running.consumer!.process(topic, 0, message), eventId: envelope.id };
}
