import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { Admin, Kafka } from 'kafkajs';
import type { DataSource, EntitySchema, MigrationInterface } from 'typeorm';
import { consumerGroupName, deadLetterTopic, platformTopics, topicName } from '@redress/contracts';
import { createServiceDataSource, pingDatabase, runServiceMigrations } from '@redress/database';
import {
  createKafka,
  ensureTopics,
  EventConsumer,
  KafkaEventProducer,
  OutboxRelay,
  OutboxWriter,
  pingKafka,
  type EventHandler,
} from '@redress/events';
import {
  createSubgraphApollo,
  gatewayProofContext,
  startGraphQLHttpServer,
  type HttpRoute,
  type RequestContext,
  type RunningServer,
} from '@redress/graphql-kit';
import { createLogger, type Logger } from '@redress/logger';
import type { PersonalDataCipher } from '@redress/personal-data';
import type { ServiceConfig } from './service-config';

/** What a service's own code gets to work with. */
export interface ServiceDeps {
  name: string;
  config: ServiceConfig;
  dataSource: DataSource;
  outbox: OutboxWriter;
  logger: Logger;
  /** Seals and opens personal data (names, phones, emails, ID numbers) with the platform's data keys. */
  personalData: PersonalDataCipher;
}

/** Everything that makes a subgraph service; the kit does the wiring the same way for all of them. */
export interface ServiceDefinition<C extends RequestContext> {
  name: string;
  /** The PostgreSQL schema the service owns. */
  schema: string;
  typeDefs: string;
  entities: EntitySchema[];
  migrations: (new () => MigrationInterface)[];
  resolvers(deps: ServiceDeps): GraphQLResolverMap<C>;
  /** Per-request context: typically request-scoped data loaders. */
  context(deps: ServiceDeps, base: RequestContext): C;
  /** Logical topics this service consumes and the handlers of the events it cares about. */
  consumes?: { topics: string[]; handlers(deps: ServiceDeps): EventHandler<never>[] };
  /** Background work (schedulers) started with the service and stopped before its pool closes. */
  jobs?(deps: ServiceDeps): BackgroundJob[];
  /** Plain HTTP endpoints beside the graph, for other services only: each must check its own caller. */
  routes?(deps: ServiceDeps): HttpRoute[];
}

export interface BackgroundJob {
  start(): void;
  stop(): Promise<void>;
}

export interface RunningService {
  name: string;
  url: string;
  port: number;
  deps: ServiceDeps;
  relay: OutboxRelay;
  consumer: EventConsumer | null;
  stop(): Promise<void>;
}

const ALL_SERVICES = ['complaints', 'refunds', 'mediation', 'appeals', 'notifications', 'tenancy'];

/**
 * Starts a subgraph service: migrations as the schema owner, the pool as the runtime role, the
 * outbox relay, the event consumer, and the HTTP server. Kafka being down at start does not stop
 * the service: writes go to the outbox and the Kafka side keeps trying in the background.
 */
export async function startService<C extends RequestContext>(
  definition: ServiceDefinition<C>,
  config: ServiceConfig,
  logger: Logger = createLogger(definition.name),
): Promise<RunningService> {
  const applied = await runServiceMigrations({
    url: config.migrationsDatabaseUrl,
    schema: definition.schema,
    migrations: definition.migrations,
    applicationName: definition.name,
  });
  if (applied.length) logger.info({ applied }, 'migrations applied');

  const dataSource = createServiceDataSource({
    url: config.databaseUrl,
    schema: definition.schema,
    entities: definition.entities,
    poolSize: config.dbPoolSize,
    applicationName: definition.name,
  });
  await dataSource.initialize();

  const deps: ServiceDeps = {
    name: definition.name,
    config,
    dataSource,
    outbox: new OutboxWriter(definition.schema, config.eventsNamespace),
    logger,
    personalData: config.personalData,
  };

  const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: `redress-${definition.name}`, logger });
  const producer = new KafkaEventProducer(kafka);
  const relay = new OutboxRelay({
    dataSource,
    schema: definition.schema,
    listenUrl: config.databaseUrl,
    producer,
    logger: logger.child({ component: 'outbox-relay' }),
  });
  await relay.start();

  const groupId = consumerGroupName(config.eventsNamespace, definition.name);
  const consumer = definition.consumes
    ? new EventConsumer({
        kafka,
        dataSource,
        schema: definition.schema,
        groupId,
        topics: definition.consumes.topics.map((t) => topicName(config.eventsNamespace, t)),
        deadLetterTopic: deadLetterTopic(config.eventsNamespace, groupId),
        deadLetterProducer: producer,
        handlers: definition.consumes.handlers(deps),
        logger: logger.child({ component: 'event-consumer' }),
      })
    : null;

  const jobs = definition.jobs?.(deps) ?? [];
  for (const job of jobs) job.start();

  const admin = kafka.admin();
  const kafkaSide = startKafkaSide(kafka, admin, consumer, config.eventsNamespace, logger);

  const apollo = createSubgraphApollo<C>({ typeDefs: definition.typeDefs, resolvers: definition.resolvers(deps), logger });
  await apollo.start();
  const http: RunningServer = await startGraphQLHttpServer<C>(
    {
      apollo,
      context: gatewayProofContext(config.gatewaySecret, definition.name, logger, (base) => definition.context(deps, base)),
      logger,
      routes: definition.routes?.(deps) ?? [],
      readiness: [
        { name: 'postgres', check: () => pingDatabase(dataSource) },
        // Writes wait in the outbox while Kafka is away, so the service stays ready; the state is reported.
        { name: 'kafka', required: false, check: () => pingKafka(admin) },
        {
          name: 'event-consumer',
          required: false,
          check: async () => {
            if (consumer && !consumer.running) throw new Error('not a member of its consumer group');
          },
        },
      ],
    },
    config.port,
    config.host,
  );
  logger.info({ url: http.url }, `${definition.name} subgraph ready`);

  return {
    name: definition.name,
    url: http.url,
    port: http.port,
    deps,
    relay,
    consumer,
    async stop() {
      kafkaSide.cancel();
      await http.close();
      await apollo.stop();
      await consumer?.stop().catch((error) => logger.warn({ err: error }, 'consumer stop failed'));
      await Promise.all(jobs.map((job) => job.stop()));
      await relay.stop();
      await producer.disconnect().catch(() => undefined);
      await admin.disconnect().catch(() => undefined);
      await dataSource.destroy();
    },
  };
}

/** Creates the platform's topics and starts the consumer, retrying until Kafka answers. */
function startKafkaSide(kafka: Kafka, admin: Admin, consumer: EventConsumer | null, namespace: string, logger: Logger) {
  const state = { cancelled: false, cancel: () => undefined as void };
  let timer: NodeJS.Timeout | undefined;
  state.cancel = () => {
    state.cancelled = true;
    clearTimeout(timer);
  };
  const groups = ALL_SERVICES.map((s) => consumerGroupName(namespace, s));
  const attempt = async (n: number): Promise<void> => {
    if (state.cancelled) return;
    try {
      await admin.connect();
      await ensureTopics(kafka, platformTopics(namespace, groups));
      if (consumer) await consumer.start();
    } catch (error) {
      const delay = Math.min(5_000, 250 * 2 ** Math.min(n, 5));
      logger.warn({ err: error, retryInMs: delay }, 'Kafka not available yet; will retry');
      timer = setTimeout(() => void attempt(n + 1), delay);
    }
  };
  void attempt(0);
  return state;
}

/** Runs a service as a process: config from the environment, graceful stop on SIGTERM/SIGINT. */
export async function runServiceProcess<C extends RequestContext>(
  definition: ServiceDefinition<C>,
  config: ServiceConfig,
): Promise<void> {
  const logger = createLogger(definition.name);
  try {
    const running = await startService(definition, config, logger);
    const shutdown = async (signal: string) => {
      logger.info({ signal }, 'stopping');
      const force = setTimeout(() => process.exit(1), 15_000);
      force.unref();
      await running.stop();
      logger.info('stopped');
      process.exit(0);
    };
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    process.once('SIGINT', () => void shutdown('SIGINT'));
  } catch (error) {
    logger.fatal({ err: error }, `${definition.name} failed to start`);
    process.exit(1);
  }
}
