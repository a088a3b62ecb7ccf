import { loadConfig } from '@redress/config';
import type { ServiceDeps } from '@redress/service-kit';
import { refundsConfigSpec } from '../refunds.config';
import { PayoutProcessor } from './jobs/payout-processor';
import { HttpPaymentProvider } from './provider/http-payment-provider';
import type { PaymentProvider } from './provider/payment-provider.port';

const processors = new WeakMap<ServiceDeps, PayoutProcessor | null>();

/**
 * The one payout processor of a running service: the jobs start it, and the resolvers nudge it
 * after an approval commits so the payout goes out at once. Null when no provider is configured.
 */
export function payoutProcessorFor(deps: ServiceDeps, provider?: PaymentProvider): PayoutProcessor | null {
  if (processors.has(deps)) return processors.get(deps)!;
  const config = loadConfig(refundsConfigSpec);
  const chosen =
    provider ??
    (config.payoutProviderUrl
      ? new HttpPaymentProvider({ baseUrl: config.payoutProviderUrl, apiKey: config.payoutProviderApiKey ?? null, timeoutMs: config.payoutProviderTimeoutMs })
      : null);
  if (!chosen) deps.logger.warn('PAYOUT_PROVIDER_URL is not set: approved refunds wait with their payouts pending');
  const processor = chosen
    ? new PayoutProcessor(deps.dataSource, deps.outbox, chosen, deps.personalData, deps.logger.child({ component: 'payouts' }), {
        intervalMs: config.payoutScanIntervalMs,
        retry: { baseDelayMs: config.payoutRetryBaseMs, maxDelayMs: config.payoutRetryMaxMs },
        leaseMs: config.payoutProviderTimeoutMs + 5_000,
        concurrency: config.payoutConcurrency,
      })
    : null;
  processors.set(deps, processor);
  return processor;
}
