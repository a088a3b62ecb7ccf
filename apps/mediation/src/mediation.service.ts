import { z } from 'zod';
import { TOPICS } from '@redress/contracts';
import { loadConfig, setting } from '@redress/config';
import { DateTimeScalar } from '@redress/graphql-kit';
import type { ServiceDefinition } from '@redress/service-kit';
import typeDefs from './schema.graphql';
import { caseResolvers } from './case/resolvers/case.resolver';
import { registryResolvers } from './registry/resolvers/registry.resolver';
import { loanResolvers } from './loan/resolvers/loan.resolver';
import { onComplaintResolutionAccepted } from './case/handlers/on-complaint-resolution-accepted.handler';
import { onAppealUpheld } from './case/handlers/on-appeal-upheld.handler';
import { MediationClockAlertScheduler } from './case/jobs/clock-alerts/clock-alert.scheduler';
import { createMediationContext, type MediationContext } from './mediation.context';
import { mediationMigrations } from './migrations';

export const MEDIATION_DEFAULT_PORT = 4003;

export const mediationJobsConfigSpec = {
  clockScanIntervalMs: setting({
    env: 'CLOCK_SCAN_INTERVAL_MS',
    description: 'How often due mediation clocks are looked for (default 15000): an alert is raised at most this late.',
    schema: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  }),
};

/** The mediation subgraph: cases and negotiation requests, the mediator registry, schedules and fee breakdowns. */
export const mediationService: ServiceDefinition<MediationContext> = {
  name: 'mediation',
  schema: 'mediation',
  typeDefs,
  entities: [],
  migrations: mediationMigrations,
  resolvers: (deps) => {
    const cases = caseResolvers(deps);
    const registry = registryResolvers(deps);
    const loan = loanResolvers();
    return {
      DateTime: DateTimeScalar,
      Locale: { zh_CN: 'zh-CN', zh_TW: 'zh-TW', en: 'en' },
      ...cases,
      ...registry,
      PlanTerms: loan.PlanTerms,
      Query: { ...cases.Query, ...registry.Query, ...loan.Query },
      Mutation: { ...cases.Mutation, ...registry.Mutation },
    };
  },
  context: createMediationContext,
  consumes: {
    topics: [TOPICS.complaintEvents, TOPICS.appealEvents],
    handlers: (deps) => [onComplaintResolutionAccepted(deps.outbox) as never, onAppealUpheld(deps.dataSource, deps.outbox) as never],
  },
  jobs: (deps) => [
    new MediationClockAlertScheduler(deps.dataSource, deps.outbox, deps.logger.child({ component: 'clock-alerts' }), {
      intervalMs: loadConfig(mediationJobsConfigSpec).clockScanIntervalMs,
    }),
  ],
};
