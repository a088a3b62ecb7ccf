import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { consumerGroupName, topicName, TOPICS } from '@redress/contracts';
import { WORKSPACE_ROOT } from '../catalog';
import { TEST_IDENTITY } from '../identity';
import { PlatformProcesses } from '../launcher';
import { provisionPlatformDatabase } from '../provision';
import { TEST_DATA_KEYS, testInfrastructure, uniqueNamespace } from './environment';

/**
 * The e2e database and the platform's port offset. A second checkout running its own e2e suite on
 * the same PostgreSQL sets REDRESS_E2E_DATABASE and REDRESS_E2E_PORT_OFFSET, so the two never meet.
 */
export const E2E_DATABASE = process.env['REDRESS_E2E_DATABASE'] ?? 'redress_e2e';
const DEFAULT_E2E_PORT_OFFSET = Number(process.env['REDRESS_E2E_PORT_OFFSET'] ?? 100);

/**
 * The test gateway's settings: specs make up tenants without onboarding them, so an unknown tenant
 * is let through (a suspended one never is), and the rate limit is far above what a suite sends.
 * The identity spec starts focused gateways with the production values.
 */
export const TEST_GATEWAY_ENV: Record<string, string> = {
  REQUIRE_REGISTERED_TENANT: 'false',
  RATE_LIMIT_POINTS: '1000000',
  TOKEN_RATE_LIMIT_POINTS: '1000',
  TENANT_STATUS_TTL_MS: '500',
};

/**
 * The built platform as separate processes on their own ports, topics and database. `extraEnv`
 * adds settings for every process (e.g. the refunds service's payment provider URL).
 */
export async function startPlatformUnderTest(name: string, portOffset = DEFAULT_E2E_PORT_OFFSET, extraEnv: Record<string, string> = {}) {
  const infra = testInfrastructure();
  const namespace = uniqueNamespace(name);
  const databaseUrls = await provisionPlatformDatabase(infra.adminUrl, E2E_DATABASE);
  const processes = new PlatformProcesses({
    databaseUrls,
    kafkaBrokers: infra.kafkaBrokers,
    eventsNamespace: namespace,
    gatewaySecret: randomBytes(32).toString('base64url'),
    dataKeys: TEST_DATA_KEYS,
    portOffset,
    logDir: path.join(WORKSPACE_ROOT, 'tmp', 'e2e-logs', namespace),
    logLevel: 'info',
    // Scan for due clocks twice a second, so alert tests need not wait.
    extraEnv: { CLOCK_SCAN_INTERVAL_MS: '500', ...extraEnv },
    identity: TEST_IDENTITY,
    gatewayEnv: TEST_GATEWAY_ENV,
  });
  await processes.startAll();
  const kafka = new Kafka({ clientId: `${namespace}-test`, brokers: infra.kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
  return {
    infra,
    namespace,
    processes,
    kafka,
    complaintTopic: topicName(namespace, TOPICS.complaintEvents),
    groupOf: (service: string) => consumerGroupName(namespace, service),
    async stop() {
      await processes.stopAll();
      await deleteNamespace(kafka, namespace);
    },
  };
}

/** Messages in a topic not yet committed by a consumer group, over all partitions. */
export async function consumerLag(kafka: Kafka, groupId: string, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    let lag = 0;
    for (const end of ends) {
      const done = committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
      lag += Number(end.high) - Math.max(0, Number(done));
    }
    return lag;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Deletes a test run's topics and consumer groups, so a long-lived local broker does not pile them
 * up (hundreds of them slow its group coordinator's loading after every restart).
 */
export async function deleteNamespace(kafka: Kafka, namespace: string): Promise<void> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    const { groups } = await admin.listGroups();
    const ourGroups = groups.map((g) => g.groupId).filter((g) => g.startsWith(`${namespace}.`) || g.startsWith(`${namespace}-`));
    if (ourGroups.length) await admin.deleteGroups(ourGroups);
    const ourTopics = (await admin.listTopics()).filter((t) => t.startsWith(`${namespace}.`));
    if (ourTopics.length) await admin.deleteTopics({ topics: ourTopics });
  } catch {
    // Best effort: a broker that is down keeps a test namespace's leftovers, harmlessly.
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
