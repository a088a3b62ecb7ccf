import type { DataSource } from 'typeorm';
import { withTenant } from '@redress/database';
import type { Logger } from '@redress/logger';
import type { PersonalDataCipher } from '@redress/personal-data';
import type { ComplaintRepository } from '../../infrastructure/complaint.repository';

/**
 * Brings every complaint's personal data under the active data key: values sealed with a retired
 * key after a rotation, and rows written before sealing existed. Runs at start, in small batches,
 * each row in its own tenant's transaction; a second instance doing the same is harmless (a row
 * resealed twice is still sealed once). When it reports nothing left, retired keys can leave the ring.
 */
export class ResealPersonalDataJob {
  private stopped = false;
  private running: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly complaints: ComplaintRepository,
    private readonly cipher: PersonalDataCipher,
    private readonly logger: Logger,
    private readonly batchSize = 200,
  ) {}

  start(): void {
    this.running = this.run().then(() => undefined, (error) => this.logger.warn({ err: error }, 'resealing personal data failed; it resumes at the next start'));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  /** Returns how many rows were resealed. */
  async run(): Promise<number> {
    let total = 0;
    const seen = new Set<string>();
    while (!this.stopped) {
      const rows: { tenant_id: string; complaint_id: string }[] = await this.dataSource.query(
        'SELECT * FROM complaints.rows_to_reseal($1, $2)',
        [this.cipher.activePrefix, this.batchSize],
      );
      const fresh = rows.filter((r) => !seen.has(r.complaint_id));
      if (fresh.length === 0) break;
      for (const row of fresh) {
        seen.add(row.complaint_id);
        await withTenant(this.dataSource, row.tenant_id, async (manager) => {
          const [complaint] = await this.complaints.findByIds(manager, row.tenant_id, [row.complaint_id]);
          if (complaint) await this.complaints.reseal(manager, complaint);
        });
        total += 1;
      }
    }
    if (total > 0) this.logger.info({ rows: total, keyId: this.cipher.activeKeyId }, 'personal data resealed under the active key');
    return total;
  }
}
