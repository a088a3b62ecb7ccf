import { TOPICS } from '@redress/contracts';
import { loadConfig } from '@redress/config';
import { DateTimeScalar } from '@redress/graphql-kit';
import type { ServiceDefinition, ServiceDeps } from '@redress/service-kit';
import typeDefs from './schema.graphql';
import { refundsMigrations } from './migrations';
import { payoutProcessorFor } from './payout/payout-wiring';
import { onTenantOnboarded } from './policy/handlers/on-tenant-onboarded.handler';
import { policyResolvers } from './policy/resolvers/policy.resolver';
import { onAppealUpheld } from './refund/handlers/on-appeal-upheld.handler';
import { onComplaintResolutionAccepted } from './refund/handlers/on-complaint-resolution-accepted.handler';
import { onMediationRefundAgreed } from './refund/handlers/on-mediation-refund-agreed.handler';
import { RefundClockAlertScheduler } from './refund/jobs/clock-alerts/refund-clock-alert.scheduler';
import { refundResolvers } from './refund/resolvers/refund.resolver';
import { refundsConfigSpec } from './refunds.config';
import { createRefundsContext, type RefundsContext } from './refunds.context';

export const REFUNDS_DEFAULT_PORT = 4002;

function resolvers(deps: ServiceDeps) {
  const refunds = refundResolvers(deps, () => payoutProcessorFor(deps));
  const policy = policyResolvers(deps);
  return {
    DateTime: DateTimeScalar,
    Locale: { zh_CN: 'zh-CN', zh_TW: 'zh-TW', en: 'en' },
    Query: { ...policy.Query, ...refunds.Query },
    Mutation: { ...policy.Mutation, ...refunds.Mutation },
    Complaint: refunds.Complaint,
    Refund: refunds.Refund,
    Charge: refunds.Charge,
  };
}

/** The refunds subgraph: policy, requests, review with four eyes, payouts, clocks. */
export const refundsService: ServiceDefinition<RefundsContext> = {
  name: 'refunds',
  schema: 'refunds',
  typeDefs,
  entities: [],
  migrations: refundsMigrations,
  resolvers,
  context: createRefundsContext,
  consumes: {
    topics: [TOPICS.complaintEvents, TOPICS.mediationEvents, TOPICS.appealEvents, TOPICS.tenantEvents],
    handlers: (deps) => {
      const write = { outbox: deps.outbox, personalData: deps.personalData };
      const logger = deps.logger.child({ component: 'refund-events' });
      return [
        onComplaintResolutionAccepted(write, logger) as never,
        onMediationRefundAgreed(write) as never,
        onAppealUpheld(deps.outbox, logger) as never,
        onTenantOnboarded(deps.outbox) as never,
      ];
    },
  },
  jobs: (deps) => {
    const config = loadConfig(refundsConfigSpec);
    const payouts = payoutProcessorFor(deps);
    return [
      new RefundClockAlertScheduler(deps.dataSource, deps.outbox, deps.logger.child({ component: 'refund-clocks' }), { intervalMs: config.clockScanIntervalMs }),
      ...(payouts ? [payouts] : []),
    ];
  },
};
