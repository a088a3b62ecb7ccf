import { z } from 'zod';
import { TOPICS } from '@redress/contracts';
import { loadConfig, setting } from '@redress/config';
import type { ServiceDefinition } from '@redress/service-kit';
import typeDefs from './schema.graphql';
import { createAppealsContext, type AppealsContext } from './appeals.context';
import { AppealClockAlertScheduler } from './appeal/jobs/clock-alerts/appeal-clock-alert.scheduler';
import { appealResolvers } from './appeal/resolvers/appeal.resolver';
import { decisionHandlers } from './decision/handlers/decision.handlers';
import { decisionResolvers } from './decision/resolvers/decision.resolver';
import { onRegulatorReferralReceived } from './escalation/handlers/on-regulator-referral-received.handler';
import { escalationResolvers } from './escalation/resolvers/escalation.resolver';
import { policyResolvers } from './policy/resolvers/policy.resolver';
import { relatedMatterResolvers } from './related-matter/resolvers/related-matter.resolver';
import { appealsMigrations } from './migrations';

export const APPEALS_DEFAULT_PORT = 4004;

export const appealsJobsConfigSpec = {
  clockScanIntervalMs: setting({
    env: 'CLOCK_SCAN_INTERVAL_MS',
    description: 'How often due appeal decision clocks are looked for (default 15000): an alert is raised at most this late.',
    schema: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  }),
};

type ResolverMap = Record<string, object>;

/**
 * Merges the per-module resolver maps type by type (several modules add fields to Query, Mutation,
 * Complaint). A type defined once (such as the DateTime scalar) is taken as it is, not copied.
 */
function merge(...maps: ResolverMap[]): ResolverMap {
  const out: ResolverMap = {};
  for (const map of maps) for (const [type, fields] of Object.entries(map)) out[type] = out[type] ? { ...out[type], ...fields } : fields;
  return out;
}

/**
 * The appeals subgraph: appealable decisions learnt from the other services' events, appeals with
 * independent review and the review committee, their decision clock, external escalation records
 * and related matters.
 */
export const appealsService: ServiceDefinition<AppealsContext> = {
  name: 'appeals',
  schema: 'appeals',
  typeDefs,
  entities: [],
  migrations: appealsMigrations,
  resolvers: (deps) =>
    merge(
      appealResolvers(deps),
      decisionResolvers(deps),
      policyResolvers(deps),
      escalationResolvers(deps),
      relatedMatterResolvers(deps),
    ) as never,
  context: createAppealsContext,
  consumes: {
    topics: [TOPICS.complaintEvents, TOPICS.refundEvents, TOPICS.mediationEvents, TOPICS.tenantEvents],
    handlers: (deps) => [...decisionHandlers(deps.outbox), onRegulatorReferralReceived(deps.outbox)] as never[],
  },
  jobs: (deps) => [
    new AppealClockAlertScheduler(deps.dataSource, deps.outbox, deps.logger.child({ component: 'appeal-clock-alerts' }), {
      intervalMs: loadConfig(appealsJobsConfigSpec).clockScanIntervalMs,
    }),
  ],
};
