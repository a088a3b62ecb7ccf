import { TOPICS } from '@redress/contracts';
import { loadConfig } from '@redress/config';
import type { ServiceDefinition, ServiceDeps } from '@redress/service-kit';
import typeDefs from './schema.graphql';
import { onComplainantContactChanged } from './contact/handlers/on-complainant-contact-changed.handler';
import { DeliveryDispatcher } from './delivery/jobs/dispatcher/delivery-dispatcher';
import { onAppealDismissed, onAppealUpheld } from './notice/handlers/on-appeal-decided.handler';
import { onComplaintDecisionIssued } from './notice/handlers/on-complaint-decision-issued.handler';
import { onComplaintFiled } from './notice/handlers/on-complaint-filed.handler';
import { onComplaintStatusChanged } from './notice/handlers/on-complaint-status-changed.handler';
import { onMediationConcluded } from './notice/handlers/on-mediation-concluded.handler';
import { onRefundRejected } from './notice/handlers/on-refund-rejected.handler';
import { noticeResolvers } from './notice/resolvers/notice.resolver';
import { preferenceResolvers } from './preference/resolvers/preference.resolver';
import { onTenantOnboarded } from './template/handlers/on-tenant-onboarded.handler';
import { templateResolvers } from './template/resolvers/template.resolver';
import { channelResolvers } from './tenant/resolvers/channel.resolver';
import { createNotificationsContext, type NotificationsContext } from './notifications.context';
import { notificationsConfigSpec } from './notifications.config';
import { notificationsMigrations } from './migrations';

export const NOTIFICATIONS_DEFAULT_PORT = 4005;

/** The delivery dispatcher of a service instance, its settings read from the environment. */
export function createDispatcher(deps: ServiceDeps, env: NodeJS.ProcessEnv = process.env): DeliveryDispatcher {
  const c = loadConfig(notificationsConfigSpec, env);
  return new DeliveryDispatcher(deps.dataSource, deps.personalData, deps.logger.child({ component: 'delivery-dispatcher' }), {
    intervalMs: c.dispatchIntervalMs,
    batchSize: c.dispatchBatchSize,
    concurrency: c.dispatchConcurrency,
    leaseMs: c.leaseMs,
    retry: { maxAttempts: c.maxAttempts, baseDelayMs: c.retryBaseMs, maxDelayMs: c.retryMaxMs },
    contactWaitMs: c.contactWaitMs,
    sendTimeoutMs: c.sendTimeoutMs,
    listenUrl: deps.config.databaseUrl,
  });
}

/** One resolver map from the modules' maps: the fields of a type several modules extend are put together. */
function mergeResolvers(...maps: Record<string, object>[]) {
  const out: Record<string, object> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) out[type] = out[type] ? { ...out[type], ...fields } : fields;
  }
  return out;
}

export const notificationsService: ServiceDefinition<NotificationsContext> = {
  name: 'notifications',
  schema: 'notifications',
  typeDefs,
  entities: [],
  migrations: notificationsMigrations,
  resolvers: (deps) =>
    mergeResolvers(noticeResolvers(deps), templateResolvers(deps), channelResolvers(deps), preferenceResolvers(deps)) as ReturnType<
      ServiceDefinition<NotificationsContext>['resolvers']
    >,
  context: createNotificationsContext,
  consumes: {
    topics: [TOPICS.complaintEvents, TOPICS.refundEvents, TOPICS.mediationEvents, TOPICS.appealEvents, TOPICS.tenantEvents],
    handlers: (deps) => [
      onComplaintFiled as never,
      onComplaintStatusChanged as never,
      onComplaintDecisionIssued as never,
      onComplainantContactChanged(deps) as never,
      onRefundRejected as never,
      onMediationConcluded as never,
      onAppealUpheld as never,
      onAppealDismissed as never,
      onTenantOnboarded as never,
    ],
  },
  jobs: (deps) => [createDispatcher(deps)],
};
