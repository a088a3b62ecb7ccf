import type { ServiceDefinition } from '@redress/service-kit';
import typeDefs from './schema.graphql';
import { ComplaintEntity, ComplaintStepEntity } from './complaint/infrastructure/complaint.entity';
import { complaintResolvers } from './complaint/resolvers/complaint.resolver';
import { createComplaintsContext, type ComplaintsContext } from './complaints.context';
import { complaintsMigrations } from './migrations';

export const COMPLAINTS_DEFAULT_PORT = 4001;

export const complaintsService: ServiceDefinition<ComplaintsContext> = {
  name: 'complaints',
  schema: 'complaints',
  typeDefs,
  entities: [ComplaintEntity, ComplaintStepEntity],
  migrations: complaintsMigrations,
  resolvers: complaintResolvers,
  context: createComplaintsContext,
};
