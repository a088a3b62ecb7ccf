import { Client } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { complainantContactSchema } from '@redress/contracts';
import { withTenant } from '@redress/database';
import type { Logger } from '@redress/logger';
import type { PersonalDataCipher } from '@redress/personal-data';
import { storedContactContext } from '../../../contact/domain/contact';
import { contactRepository } from '../../../contact/infrastructure/contact.repository';
import type { Notice } from '../../../notice/domain/notice';
import { noticeRepository } from '../../../notice/infrastructure/notice.repository';
import { applyPreferences } from '../../../preference/domain/preferences';
import { preferenceRepository } from '../../../preference/infrastructure/preference.repository';
import { channelSettingsRepository, type StoredChannelSettings } from '../../../tenant/infrastructure/channel-settings.repository';
import { tenantSettingsRepository } from '../../../tenant/infrastructure/tenant-settings.repository';
import { DeliveryFailure, type OutgoingMessage } from '../../channels/channel-provider';
import { ProviderRegistry } from '../../channels/provider-registry';
import { afterFailure, redactError, type RetryPolicy } from '../../domain/retry-policy';
import { deliveryRepository, type DeliveryOutcome } from '../../infrastructure/delivery.repository';

export const DELIVERIES_DUE_CHANNEL = 'notifications_deliveries_due';

export interface DispatcherOptions {
  intervalMs: number;
  batchSize: number;
  concurrency: number;
  leaseMs: number;
  retry: RetryPolicy;
  contactWaitMs: number;
  sendTimeoutMs: number;
  /** A URL for the LISTEN connection that wakes the dispatcher when notices are recorded; none: polling only. */
  listenUrl: string | null;
  now?: () => Date;
}

type Plan = { kind: 'send'; message: OutgoingMessage; settings: StoredChannelSettings | null; attempt: number } | { kind: 'done'; outcome: DeliveryOutcome };

/**
 * Delivers queued notices, driven from the database: each round claims due deliveries of every
 * tenant with `FOR UPDATE SKIP LOCKED` under a lease, sends them through their channel's provider
 * and records the outcome. Nothing lives only in memory: a restart (or a crash mid-batch) leaves
 * rows that are due again, and several instances share the work without sending anything twice.
 * No transaction is held open while a provider is called.
 */
/** How soon a notice waiting for its complainant's contact is looked at again, wake-up or not. */
const CONTACT_RECHECK_MS = 2_000;

export class DeliveryDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private listener: Client | null = null;
  private readonly providers: ProviderRegistry;
  private readonly pending = new Map<string, { tenant_id: string; id: string }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly logger: Logger,
    private readonly options: DispatcherOptions,
  ) {
    this.providers = new ProviderRegistry(cipher, { timeoutMs: options.sendTimeoutMs });
  }

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.wake(), this.options.intervalMs);
    if (this.options.listenUrl) void this.listen();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
    await this.running;
    await this.providers.closeAll();
  }

  /** Runs a round now (or right after the current one). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error) => this.logger.warn({ err: error }, 'delivery round failed; the next one retries'))
      .finally(() => {
        this.running = null;
        if (this.again && !this.stopped) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async drain(): Promise<void> {
    // A full batch means more may be due: keep going without waiting for the timer.
    while (!this.stopped && (await this.dispatchDue()) >= this.options.batchSize);
  }

  /** One round: claims due deliveries and works through them. Returns how many were claimed. */
  async dispatchDue(): Promise<number> {
    const claimed = await deliveryRepository.claimDue(this.dataSource, this.now(), this.options.leaseMs, this.options.batchSize);
    for (const key of claimed) this.pending.set(key.id, key);
    let next = 0;
    const worker = async () => {
      while (!this.stopped && next < claimed.length) {
        const key = claimed[next++]!;
        try {
          await this.deliver(key.tenant_id, key.id);
        } catch (error) {
          // The lease runs out and the delivery is due again: nothing is lost.
          this.logger.warn({ err: error, noticeId: key.id }, 'delivery could not be recorded; it is retried when its lease ends');
        } finally {
          this.pending.delete(key.id);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, claimed.length) }, worker));
    if (this.stopped && this.pending.size) {
      const left = [...this.pending.values()];
      this.pending.clear();
      await deliveryRepository.releaseLeases(this.dataSource, left).catch(() => undefined);
    }
    return claimed.length;
  }

  private async deliver(tenantId: string, id: string): Promise<void> {
    const plan = await withTenant(this.dataSource, tenantId, async (m) => {
      const notice = await noticeRepository.findById(m, tenantId, id);
      if (!notice || (notice.status !== 'QUEUED' && notice.status !== 'FAILED')) return null;
      return this.plan(m, notice);
    });
    if (!plan) return;
    let outcome: DeliveryOutcome;
    if (plan.kind === 'done') {
      outcome = plan.outcome;
    } else {
      try {
        const receipt = await this.providers.providerFor(plan.message.channel, plan.settings).send(plan.message);
        outcome = { kind: 'sent', delivered: receipt.delivered, providerMessageId: receipt.providerMessageId };
      } catch (error) {
        const permanent = error instanceof DeliveryFailure && error.permanent;
        const reason = redactError(error instanceof Error ? error.message : String(error));
        const next = afterFailure(this.options.retry, plan.attempt, permanent, this.now());
        outcome = next.kind === 'retry' ? { kind: 'retry', at: next.at, error: reason } : { kind: 'dead-letter', error: reason, attempted: true };
        this.logger.warn({ noticeId: id, channel: plan.message.channel, attempt: plan.attempt, permanent, outcome: outcome.kind }, 'delivery attempt failed');
      }
    }
    await withTenant(this.dataSource, tenantId, (m) => deliveryRepository.record(m, tenantId, id, outcome, this.now()));
  }

  /** What to do with one due notice: send it (with its address), hold it, suppress it or give up. */
  private async plan(m: EntityManager, notice: Notice): Promise<Plan> {
    const now = this.now();
    const done = (outcome: DeliveryOutcome): Plan => ({ kind: 'done', outcome });
    let settings: StoredChannelSettings | null = null;
    if (notice.channel !== 'IN_APP') {
      settings = await channelSettingsRepository.get(m, notice.tenantId, notice.channel);
      if (!settings?.enabled) return done({ kind: 'dead-letter', error: `the tenant's ${notice.channel} channel is turned off`, attempted: false });
    }
    let to: string | null = null;
    let borrowerId = notice.borrowerId;
    if (notice.channel === 'EMAIL' || notice.channel === 'SMS') {
      const stored = notice.complaintId
        ? await contactRepository.forComplaint(m, notice.tenantId, notice.complaintId)
        : borrowerId
          ? await contactRepository.latestForBorrower(m, notice.tenantId, borrowerId)
          : null;
      if (!stored) {
        if (now.getTime() - notice.createdAt.getTime() < this.options.contactWaitMs) {
          // The contact travels in its own event, which wakes this notice when it arrives. A contact
          // committed while this round looked (after its snapshot, before its write) would miss that
          // wake-up, so the wait is re-checked every few seconds rather than trusted for a minute.
          return done({ kind: 'await-contact', until: new Date(now.getTime() + Math.min(this.options.contactWaitMs, CONTACT_RECHECK_MS)), reason: "waiting for the complainant's contact" });
        }
        return done({ kind: 'dead-letter', error: "the complainant's contact never arrived", attempted: false });
      }
      const contact = complainantContactSchema.parse(JSON.parse(this.cipher.open(stored.sealedContact, storedContactContext(notice.tenantId, stored.complaintId))));
      to = notice.channel === 'EMAIL' ? contact.email : contact.phone;
      if (!to) return done({ kind: 'dead-letter', error: 'the complainant gave no email address', attempted: false });
      borrowerId = borrowerId ?? stored.borrowerId;
    }
    if (borrowerId && (notice.channel === 'EMAIL' || notice.channel === 'SMS')) {
      const [prefs, tenant] = await Promise.all([
        preferenceRepository.get(m, notice.tenantId, borrowerId),
        tenantSettingsRepository.get(m, notice.tenantId),
      ]);
      const verdict = applyPreferences(prefs, notice, now, tenant.timeZone);
      if (verdict.kind === 'suppress') return done({ kind: 'suppressed', reason: verdict.reason });
      if (verdict.kind === 'hold') return done({ kind: 'hold', until: verdict.until, reason: "held for the borrower's quiet hours" });
    }
    return {
      kind: 'send',
      settings,
      attempt: notice.attempts + 1,
      message: {
        noticeId: notice.id,
        tenantId: notice.tenantId,
        channel: notice.channel,
        kind: notice.kind,
        regulatory: notice.regulatory,
        locale: notice.locale,
        caseType: notice.caseType,
        caseId: notice.caseId,
        complaintId: notice.complaintId,
        reference: notice.reference,
        borrowerId,
        subject: notice.subject,
        body: notice.body,
        createdAt: notice.createdAt,
        to,
      },
    };
  }

  private now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }

  private async listen(): Promise<void> {
    if (this.stopped || this.listener || !this.options.listenUrl) return;
    const client = new Client({ connectionString: this.options.listenUrl, application_name: 'notifications-dispatcher-listener' });
    client.on('notification', () => this.wake());
    client.on('error', () => undefined);
    client.on('end', () => {
      if (this.listener === client) this.listener = null;
      // Polling carries on meanwhile; listening resumes with the next reconnect.
      if (!this.stopped) setTimeout(() => void this.listen(), 1_000).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${DELIVERIES_DUE_CHANNEL}`);
      if (this.stopped) await client.end();
      else this.listener = client;
    } catch (error) {
      this.logger.warn({ err: error }, 'dispatcher cannot listen for new notices; polling only until it can');
      await client.end().catch(() => undefined);
    }
  }
}
