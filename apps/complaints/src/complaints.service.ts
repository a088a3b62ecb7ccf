import { z } from 'zod';
import { TOPICS } from '@redress/contracts';
import { loadConfig, setting } from '@redress/config';
import type { ServiceDefinition } from '@redress/service-kit';
import typeDefs from './schema.graphql';
import { CaseNoteEntity, CommunicationEntity, ComplaintEntity, ComplaintStepEntity, EvidenceEntity } from './complaint/infrastructure/complaint.entity';
import { createComplaintRepository } from './complaint/infrastructure/complaint.repository';
import { complaintResolvers } from './complaint/resolvers/complaint.resolver';
import { ComplaintEvents } from './complaint/events/complaint-events';
import { TransitionComplaintHandler } from './complaint/commands/transition-complaint/transition-complaint.handler';
import { onAppealUpheld } from './complaint/handlers/on-appeal-upheld.handler';
import { onTenantOnboarded } from './complaint/handlers/on-tenant-onboarded.handler';
import { ClockAlertScheduler } from './complaint/jobs/clock-alerts/clock-alert.scheduler';
import { ResealPersonalDataJob } from './complaint/jobs/reseal/reseal-personal-data.job';
import { createComplaintsContext, type ComplaintsContext } from './complaints.context';
import { complaintsMigrations } from './migrations';

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
  entities: [ComplaintEntity, ComplaintStepEntity, EvidenceEntity, CommunicationEntity, CaseNoteEntity],
  migrations: complaintsMigrations,
  resolvers: complaintResolvers,
  context: createComplaintsContext,
  consumes: {
    topics: [TOPICS.tenantEvents, TOPICS.appealEvents],
    handlers: (deps) => {
      const transition = new TransitionComplaintHandler(
        deps.dataSource,
        createComplaintRepository(deps.personalData),
        new ComplaintEvents(deps.outbox, deps.personalData),
      );
      return [onTenantOnboarded(deps.logger) as never, onAppealUpheld(transition, deps.logger) as never];
    },
  },
  jobs: (deps) => {
    const complaints = createComplaintRepository(deps.personalData);
    return [
      new ClockAlertScheduler(deps.dataSource, deps.outbox, complaints, deps.logger.child({ component: 'clock-alerts' }), {
        intervalMs: loadConfig(complaintsJobsConfigSpec).clockScanIntervalMs,
      }),
      new ResealPersonalDataJob(deps.dataSource, complaints, deps.personalData, deps.logger.child({ component: 'reseal' })),
    ];
  },
};
