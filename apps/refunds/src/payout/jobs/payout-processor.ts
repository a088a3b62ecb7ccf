import type { DataSource } from 'typeorm';
import { withTenant } from '@redress/database';
import type { OutboxWriter } from '@redress/events';
import type { Logger } from '@redress/logger';
import type { PersonalDataCipher } from '@redress/personal-data';
import { appendPayoutChanged } from '../../refund/commands/shared/refund-events';
import { recordStep } from '../../refund/commands/shared/load';
import { payoutAccountContext } from '../../refund/commands/shared/create-refund';
import { nextPayoutState, refundStatusFor, retryDelayMs, type ProviderOutcome, type RetryPolicy } from '../../refund/domain/payout-attempt';
import type { Payout } from '../../refund/domain/refund';
import { payoutRepository } from '../../refund/infrastructure/payout.repository';
import { refundRepository } from '../../refund/infrastructure/refund.repository';
import type { PaymentProvider, PayoutInstruction } from '../provider/payment-provider.port';

export interface PayoutProcessorOptions {
  intervalMs: number;
  retry: RetryPolicy;
  /** How long a claimed payout is left alone by other workers: longer than one provider call. */
  leaseMs: number;
  /** Payouts sent to the provider at once. */
  concurrency?: number;
  batchSize?: number;
  now?: () => Date;
}

interface DuePayout {
  tenant_id: string;
  payout_id: string;
}

/**
 * Sends pending payouts to the payment provider and records what it answers. Each attempt is
 * claimed in its own transaction first (counted, and leased so no other worker sends it meanwhile),
 * the provider is called outside any transaction, and the answer is recorded with its event in a
 * second one. The payout id goes with every attempt, so however often a payout is sent — after a
 * timeout, a crash between the call and the record, or two workers — the provider pays it once.
 */
export class PayoutProcessor {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly provider: PaymentProvider,
    private readonly personalData: PersonalDataCipher,
    private readonly logger: Logger,
    private readonly options: PayoutProcessorOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.nudge(), this.options.intervalMs);
    this.nudge();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Look for due payouts now (e.g. right after an approval commits) rather than at the next interval. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.processDue()
      .then(() => undefined)
      .catch((error) => this.logger.warn({ err: error }, 'payout scan failed; next scan retries'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.nudge();
        }
      });
  }

  /** Sends every payout due now; returns how many were attempted. */
  async processDue(): Promise<number> {
    const now = this.clock();
    const due: DuePayout[] = await this.dataSource.query('SELECT * FROM refunds.due_payouts($1, $2)', [now, this.options.batchSize ?? 200]);
    const queue = [...due];
    let attempted = 0;
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        if (await this.attempt(next.tenant_id, next.payout_id)) attempted += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency ?? 8, Math.max(1, queue.length)) }, worker));
    return attempted;
  }

  /** One attempt at one payout; false when it was not due any more (another worker took it). */
  async attempt(tenantId: string, payoutId: string): Promise<boolean> {
    const now = this.clock();
    const claimed = await withTenant(this.dataSource, tenantId, async (manager) => {
      const payout = await payoutRepository.claim(manager, tenantId, payoutId, now, new Date(now.getTime() + this.options.leaseMs));
      if (!payout) return null;
      const [refund] = await refundRepository.findByIds(manager, tenantId, [payout.refundId]);
      return { payout, refund: refund! };
    });
    if (!claimed) return false;
    const { payout, refund } = claimed;
    const instruction: PayoutInstruction = {
      payoutId: payout.id,
      tenantId,
      refundReference: refund.reference,
      amount: payout.amount,
      method: payout.method,
      account: refund.payoutAccountSealed ? this.personalData.open(refund.payoutAccountSealed, payoutAccountContext(tenantId)) : null,
      borrowerId: refund.borrowerId,
    };
    const outcome = await this.provider.pay(instruction);
    await this.record(tenantId, payout, outcome);
    return true;
  }

  private async record(tenantId: string, claimed: Payout, outcome: ProviderOutcome): Promise<void> {
    const now = this.clock();
    await withTenant(this.dataSource, tenantId, async (manager) => {
      const payout = await payoutRepository.lock(manager, tenantId, claimed.id);
      if (!payout || payout.state !== 'PENDING') return;
      const next = nextPayoutState(outcome);
      const providerReference = outcome.kind === 'settled' || outcome.kind === 'processing' ? outcome.providerReference : null;
      if (!next) {
        const reason = outcome.kind === 'unknown' ? outcome.reason : null;
        const delay = outcome.kind === 'processing' ? this.options.retry.baseDelayMs : retryDelayMs(payout.attempts, this.options.retry);
        await payoutRepository.reschedule(manager, payout, new Date(now.getTime() + delay), reason, providerReference);
        if (reason) this.logger.warn({ payoutId: payout.id, attempts: payout.attempts, reason, retryInMs: delay }, 'payout outcome unknown; will retry with the same payout id');
        return;
      }
      const [refund] = await refundRepository.findByIds(manager, tenantId, [payout.refundId]);
      await payoutRepository.settle(manager, payout, next.state, now, next.reason, providerReference);
      await refundRepository.setStatus(manager, tenantId, refund!.id, refundStatusFor(next.state));
      await recordStep(manager, { ...refund!, status: refundStatusFor(next.state) }, `payout-${next.state.toLowerCase()}`, refund!.status, 'payment-provider', now, next.reason);
      await appendPayoutChanged(
        this.outbox,
        manager,
        { ...refund!, status: refundStatusFor(next.state) },
        payout,
        { from: 'PENDING', to: next.state, reason: next.reason, providerReference, at: now },
        `payout:${payout.id}`,
      );
      this.logger.info({ payoutId: payout.id, refundId: refund!.id, state: next.state, attempts: payout.attempts }, 'payout settled');
    });
  }

  private clock(): Date {
    return (this.options.now ?? (() => new Date()))();
  }
}
