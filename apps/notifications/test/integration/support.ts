import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import {
  ComplainantContactChangedV1,
  complainantContactContext,
  ComplaintFiledV1,
  createEvent,
  topicName,
  type EventContract,
  type EventEnvelope,
  type Locale,
} from '@redress/contracts';
import { adminQuery, deleteNamespace, graphqlRequest, INTEGRATION_DATABASE, startServiceUnderTest, waitFor, type GraphQLResponse } from '@redress/devkit';
import { signGatewayContext } from '@redress/graphql-kit';
import { startService, type RunningService } from '@redress/service-kit';
import { notificationsService } from '../../src/notifications.service';

/** Fast dispatching and retries for tests; read by the dispatcher when the service starts. */
export function fastDispatcher(over: Record<string, string> = {}): void {
  Object.assign(process.env, {
    NOTIFICATIONS_DISPATCH_INTERVAL_MS: '100',
    NOTIFICATIONS_RETRY_BASE_MS: '300',
    NOTIFICATIONS_RETRY_MAX_MS: '1000',
    NOTIFICATIONS_MAX_ATTEMPTS: '50',
    NOTIFICATIONS_LEASE_MS: '5000',
    ...over,
  });
}

/** The notifications service in process, restartable on the same database and topics, with an event publisher. */
export async function startNotifications() {
  const harness = await startServiceUnderTest(notificationsService);
  // The integration database outlives runs; deliveries an earlier, interrupted run left due would
  // otherwise be retried (against servers long gone) by this run's dispatcher.
  await adminQuery(
    harness.infra.adminUrl,
    INTEGRATION_DATABASE,
    `UPDATE notifications.notices SET status = 'DEAD_LETTERED', last_error = 'left over by an earlier test run', next_attempt_at = NULL
      WHERE status IN ('QUEUED', 'FAILED') AND created_at < now() - interval '10 seconds'`,
  );
  let running: RunningService = harness.running;
  const config = running.deps.config;
  const kafka = new Kafka({ clientId: 'notifications-it', brokers: config.kafkaBrokers, logLevel: logLevel.NOTHING });
  const producer: Producer = kafka.producer();
  await producer.connect();

  const self = {
    infra: harness.infra,
    get running() {
      return running;
    },
    cipher: running.deps.personalData,
    async publish(...events: EventEnvelope<unknown>[]) {
      const byTopic = new Map<string, EventEnvelope<unknown>[]>();
      for (const e of events) {
        const topic = topicName(config.eventsNamespace, topicOf(e.type));
        byTopic.set(topic, [...(byTopic.get(topic) ?? []), e]);
      }
      for (const [topic, list] of byTopic) {
        await producer.send({ topic, messages: list.map((e) => ({ key: e.aggregateId, value: JSON.stringify(e) })) });
      }
    },
    /** Stops the service (as a deploy would) and starts it again on the same database and topics. */
    async restart() {
      await running.stop();
      running = await startService(notificationsService, config, running.deps.logger);
    },
    async stopOnly() {
      await running.stop();
    },
    async startAgain() {
      running = await startService(notificationsService, config, running.deps.logger);
    },
    async stop() {
      await producer.disconnect().catch(() => undefined);
      await running.stop().catch(() => undefined);
      await deleteNamespace(kafka, config.eventsNamespace);
    },
    /** Calls the subgraph as the gateway would, for a caller with these roles (and borrower). */
    graph<T = Record<string, unknown>>(
      tenantId: string,
      roles: string[],
      query: string,
      variables: Record<string, unknown> = {},
      borrowerId: string | null = null,
    ): Promise<GraphQLResponse<T>> {
      const headers = signGatewayContext(
        config.gatewaySecret,
        { caller: { tenantId, actorId: `it:${roles[0]}`, roles, borrowerId }, requestId: `it-${randomUUID()}` },
        'notifications',
      );
      return graphqlRequest<T>(running.url, query, variables, headers);
    },
    sql<T = Record<string, unknown>>(text: string, params: unknown[] = []) {
      return adminQuery<T>(harness.infra.adminUrl, INTEGRATION_DATABASE, text, params);
    },
    notices(tenantId: string) {
      return self.sql<{ id: string; complaint_id: string; source_event_id: string; channel: string; status: string; kind: string; locale: string; subject: string; body: string; attempts: number; last_error: string | null; regulatory: boolean }>(
        'SELECT * FROM notifications.notices WHERE tenant_id = $1 ORDER BY created_at, channel',
        [tenantId],
      );
    },
    waitFor,
  };
  return self;
}

export type Notifications = Awaited<ReturnType<typeof startNotifications>>;

function topicOf(type: string): string {
  return `${type.split('.')[0]}.events`;
}

export function event<P>(contract: EventContract<P>, tenantId: string, aggregateId: string, payload: P): EventEnvelope<P> {
  return createEvent(contract, payload, { tenantId, aggregateId, correlationId: `it-${randomUUID()}` });
}

let serial = 0;
export function complaintFiled(tenantId: string, locale: Locale = 'zh-CN', complaintId = randomUUID()) {
  serial += 1;
  const now = Date.now();
  return event(ComplaintFiledV1, tenantId, complaintId, {
    complaintId,
    reference: `TS20261125-${String(100_000 + serial).slice(1)}${Math.floor(Math.random() * 10)}`,
    channel: 'APP',
    productName: '你我贷·极速借',
    receivedAt: new Date(now).toISOString(),
    firstReplyDueAt: new Date(now + 24 * 3_600_000).toISOString(),
    decisionDueAt: new Date(now + 15 * 24 * 3_600_000).toISOString(),
    locale,
  });
}

/** What the complaints service publishes at intake: the contact, sealed for the platform. */
export function contactChanged(
  n: Notifications,
  filed: EventEnvelope<{ complaintId: string; reference: string; locale: Locale }>,
  contact: { name: string; phone: string; email: string | null },
  borrowerId: string | null = 'C-10086',
) {
  const p = filed.payload;
  return event(ComplainantContactChangedV1, filed.tenantId, p.complaintId, {
    complaintId: p.complaintId,
    reference: p.reference,
    borrowerId,
    locale: p.locale,
    contact: n.cipher.seal(JSON.stringify(contact), complainantContactContext(filed.tenantId, p.complaintId)),
  });
}

export const CONFIGURE = {
  email: `mutation($input: ConfigureEmailChannelInput!) { configureEmailChannel(input: $input) { channel { channel enabled target hasSecret } } }`,
  sms: `mutation($input: ConfigureSmsChannelInput!) { configureSmsChannel(input: $input) { channel { channel enabled target hasSecret } } }`,
  webhook: `mutation($input: ConfigureWebhookChannelInput!) { configureWebhookChannel(input: $input) { channel { channel enabled target hasSecret } } }`,
};
