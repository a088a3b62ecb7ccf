import { z } from 'zod';
import { loadConfig, setting } from '@redress/config';
import type { ServiceDefinition } from '@redress/service-kit';
import typeDefs from './schema.graphql';
import { ComplaintEntity, ComplaintStepEntity } from './complaint/infrastructure/complaint.entity';
import { complaintResolvers } from './complaint/resolvers/complaint.resolver';
import { createComplaintsContext, type ComplaintsContext } from './complaints.context';
import { complaintsMigrations } from './migrations';
import { ClockAlertScheduler } from './complaint/jobs/clock-alerts/clock-alert.scheduler';

export const COMPLAINTS_DEFAULT_PORT = 4001;

export const complaintsJobsConfigSpec = {
  clockScanIntervalMs: setting({
    env: 'CLOCK_SCAN_INTERVAL_MS',
    description: 'How often due regulatory clocks are looked for (default 15000): an alert is raised at most this late.',
    schema: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  }),
};

export const complaintsService: ServiceDefinition<ComplaintsContext> = {
  name: 'complaints',
  schema: 'complaints',
  typeDefs,
  entities: [ComplaintEntity, ComplaintStepEntity],
  migrations: complaintsMigrations,
  resolvers: complaintResolvers,
  context: createComplaintsContext,
  jobs: (deps) => [
    new ClockAlertScheduler(deps.dataSource, deps.outbox, deps.logger.child({ component: 'clock-alerts' }), {
      intervalMs: loadConfig(complaintsJobsConfigSpec).clockScanIntervalMs,
    }),
  ],
};
