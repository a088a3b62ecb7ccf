import { randomUUID } from 'node:crypto';
import type { KafkaMessage } from 'kafkajs';
import {
  ComplaintDecisionIssuedV1,
  createEvent,
  type ComplaintDecisionIssuedPayload,
  type EventContract,
  type EventEnvelope,
  type EventMetadata,
} from '@redress/contracts';
import { adminQuery, graphqlRequest, INTEGRATION_DATABASE, startServiceUnderTest, type GraphQLResponse } from '@redress/devkit';
import { signGatewayContext, type Caller } from '@redress/graphql-kit';
import { appealsService } from '../../src/appeals.service';

export type Service = Awaited<ReturnType<typeof startServiceUnderTest>>;

export async function startAppeals(): Promise<Service> {
  return startServiceUnderTest(appealsService);
}

/** Calls the subgraph as the gateway would, as any caller. */
export function callAs<T = Record<string, unknown>>(
  service: Service,
  caller: Omit<Caller, 'borrowerId'> & { borrowerId?: string | null },
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  const headers = signGatewayContext(
    service.running.deps.config.gatewaySecret,
    { caller: { borrowerId: null, ...caller }, requestId: `it-${randomUUID()}` },
    'appeals',
  );
  return graphqlRequest<T>(service.running.url, query, variables, headers);
}

/** Hands an event to the service's consumer as Kafka would deliver it (inbox, transaction and all). */
export async function deliver(service: Service, envelope: EventEnvelope<unknown>): Promise<string> {
  const message = {
    key: Buffer.from(envelope.aggregateId),
    value: Buffer.from(JSON.stringify(envelope)),
    offset: '0',
    timestamp: String(Date.now()),
    attributes: 0,
    headers: {},
    size: 0,
  } as unknown as KafkaMessage;
  return service.running.consumer!.process('it.events', 0, message);
}

export function event<P>(contract: EventContract<P>, payload: P, meta: Omit<EventMetadata, 'correlationId'>): EventEnvelope<P> {
  return createEvent(contract, payload, { correlationId: `it-${randomUUID()}`, ...meta });
}

export function complaintDecision(overrides: Partial<ComplaintDecisionIssuedPayload> = {}): ComplaintDecisionIssuedPayload {
  return {
    complaintId: randomUUID(),
    reference: 'TS20261125-000042',
    decisionId: randomUUID(),
    outcome: 'NOT_UPHELD',
    reasons: '服务费已在借款合同第五条中载明，收取符合约定。',
    remedies: [{ type: 'EXPLANATION', amount: null, feeType: 'SERVICE_FEE', chargeReference: null, description: '书面说明收费依据' }],
    borrowerId: 'NWD-CUST-0001',
    productName: '你我贷·极速借',
    contractNumber: 'NWD-2026-0001',
    handlerId: 'handler:zhou-min',
    reviewerIds: ['reviewer:li-qiang'],
    locale: 'zh-CN',
    issuedAt: new Date().toISOString(),
    ...overrides,
  };
}

export function decisionEvent(tenantId: string, payload: ComplaintDecisionIssuedPayload) {
  return event(ComplaintDecisionIssuedV1, payload, { tenantId, aggregateId: payload.complaintId });
}

export async function outboxTypes(service: Service, tenantId: string): Promise<string[]> {
  const rows = await adminQuery<{ event_type: string }>(
    service.infra.adminUrl,
    INTEGRATION_DATABASE,
    'SELECT event_type FROM appeals.outbox WHERE tenant_id = $1 ORDER BY seq',
    [tenantId],
  );
  return rows.map((r) => r.event_type);
}

export function sql<T = Record<string, unknown>>(service: Service, query: string, params: unknown[] = []): Promise<T[]> {
  return adminQuery<T>(service.infra.adminUrl, INTEGRATION_DATABASE, query, params);
}

export const DECISIONS = `query($f: AppealableDecisionFilter) { appealableDecisions(filter: $f, first: 10) { edges { node { id kind subjectId appealWindowLastDay appealable deciderIds } } } }`;
export const FILE = `mutation($input: FileAppealInput!) { fileAppeal(input: $input) { appeal { id reference status serious version clock { dueAt state } } } }`;
export const APPEAL_FIELDS = `id status version reviewerId outcome decidedBy committee { upholdVotes dismissVotes pendingVotes members { memberId isChair vote } } timeline { action toStatus actorId }`;
