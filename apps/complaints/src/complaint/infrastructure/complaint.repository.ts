import type { EntityManager } from 'typeorm';
import { isUuid } from '@redress/domain-kit';
import type { ComplaintChannel, Locale } from '@redress/contracts';
import type { Complaint, ComplaintStatus, ComplaintStep } from '../domain/complaint';
import type { ComplaintFilter, ComplaintOrder } from '../domain/complaint-filter';
import { ComplaintEntity, ComplaintStepEntity, type ComplaintRecord } from './complaint.entity';


/** Data access for complaints. Every method takes the tenant explicitly: scoping in code, RLS in the database. */
export const complaintRepository = {
  /** The next number of the tenant's daily reference sequence; the row lock serialises concurrent filings. */
  async nextReferenceSequence(manager: EntityManager, tenantId: string, day: string): Promise<number> {
    const rows: { last_value: number }[] = await manager.query(
      `INSERT INTO complaints.reference_sequences (tenant_id, day, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (tenant_id, day) DO UPDATE SET last_value = reference_sequences.last_value + 1
       RETURNING last_value`,
      [tenantId, day],
    );
    return rows[0]!.last_value;
  },

  async insert(manager: EntityManager, complaint: Complaint): Promise<void> {
    await manager.getRepository(ComplaintEntity).insert(toRecord(complaint));
  },

  /**
   * Saves a lifecycle step only if nobody changed the complaint since it was read: the version in
   * the WHERE clause makes concurrent steps on one complaint serialise, and all but one lose.
   */
  async updateIfUnchanged(manager: EntityManager, complaint: Complaint, readVersion: number): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(ComplaintEntity)
      .set(lifecycleFields(toRecord(complaint)))
      .where('tenant_id = :tenantId AND id = :id AND version = :readVersion', { tenantId: complaint.tenantId, id: complaint.id, readVersion })
      .execute();
    return result.affected === 1;
  },

  async addStep(manager: EntityManager, step: ComplaintStep): Promise<void> {
    await manager.getRepository(ComplaintStepEntity).insert(step);
  },

  /** The timelines of many complaints in one query, oldest step first. */
  async stepsOf(manager: EntityManager, tenantId: string, complaintIds: readonly string[]): Promise<ComplaintStep[]> {
    return manager
      .getRepository(ComplaintStepEntity)
      .createQueryBuilder('s')
      .where('s.tenant_id = :tenantId AND s.complaint_id = ANY(:ids)', { tenantId, ids: complaintIds.filter(isUuid) })
      .orderBy('s.at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
  },

  /** One query for any number of ids (the DataLoader batch); ids that are not UUIDs simply match nothing. */
  async findByIds(manager: EntityManager, tenantId: string, ids: readonly string[]): Promise<Complaint[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    const records = await manager
      .getRepository(ComplaintEntity)
      .createQueryBuilder('c')
      .where('c.tenant_id = :tenantId AND c.id = ANY(:ids)', { tenantId, ids: valid })
      .getMany();
    return records.map(toDomain);
  },

  /**
   * One page of the tenant's complaints matching the filter, keyset-paginated on the order's
   * timestamp and the id. Fetches `limit + 1` to tell whether more follow.
   */
  async list(
    manager: EntityManager,
    tenantId: string,
    filter: ComplaintFilter,
    order: ComplaintOrder,
    page: { limit: number; after: [string, string] | null },
  ): Promise<Complaint[]> {
    const [column, direction, compare] =
      order === 'DECISION_DUE_SOONEST_FIRST' ? (['c.decision_due_at', 'ASC', '>'] as const) : (['c.received_at', 'DESC', '<'] as const);
    const query = manager
      .getRepository(ComplaintEntity)
      .createQueryBuilder('c')
      .where('c.tenant_id = :tenantId', { tenantId })
      .orderBy(column, direction)
      .addOrderBy('c.id', direction)
      .limit(page.limit + 1);
    if (filter.statuses) query.andWhere('c.status = ANY(:statuses)', { statuses: filter.statuses });
    if (filter.channels) query.andWhere('c.channel = ANY(:channels)', { channels: filter.channels });
    if (filter.handlerId) query.andWhere('c.handler_id = :handlerId', { handlerId: filter.handlerId });
    if (filter.productName) query.andWhere('c.product_name = :productName', { productName: filter.productName });
    if (filter.receivedFrom) query.andWhere('c.received_at >= :receivedFrom', { receivedFrom: filter.receivedFrom });
    if (filter.receivedTo) query.andWhere('c.received_at < :receivedTo', { receivedTo: filter.receivedTo });
    if (page.after) {
      query.andWhere(`(${column}, c.id) ${compare} (:afterAt, :afterId)`, { afterAt: page.after[0], afterId: page.after[1] });
    }
    return (await query.getMany()).map(toDomain);
  },
};

/** The columns a lifecycle step may change; intake facts and deadlines stay as filed. */
function lifecycleFields(r: ReturnType<typeof toRecord>) {
  const { status, handlerId, team, declineReason, reviewConclusion, resolution, followUpSatisfaction, followUpComment, version } = r;
  return { status, handlerId, team, declineReason, reviewConclusion, resolution, followUpSatisfaction, followUpComment, version };
}

function toRecord(c: Complaint): Omit<ComplaintRecord, 'createdAt' | 'updatedAt'> {
  return {
    tenantId: c.tenantId,
    id: c.id,
    reference: c.reference,
    channel: c.channel,
    status: c.status,
    complainantName: c.complainant.name,
    complainantPhone: c.complainant.phone,
    complainantEmail: c.complainant.email,
    complainantLocale: c.complainant.locale,
    productName: c.productName,
    contractNumber: c.contractNumber,
    description: c.description,
    occurredAt: c.occurredAt,
    disputedAmountMinor: c.disputedAmount ? String(c.disputedAmount.amountMinor) : null,
    disputedCurrency: c.disputedAmount?.currency ?? null,
    demand: c.demand,
    involvedStaff: c.involvedStaff,
    handlerId: c.handlerId,
    team: c.team,
    declineReason: c.declineReason,
    reviewConclusion: c.reviewConclusion,
    resolution: c.resolution,
    followUpSatisfaction: c.followUp?.satisfaction ?? null,
    followUpComment: c.followUp?.comment ?? null,
    receivedAt: c.receivedAt,
    firstReplyDueAt: c.firstReplyDueAt,
    decisionDueAt: c.decisionDueAt,
    version: c.version,
  };
}

function toDomain(r: ComplaintRecord): Complaint {
  return {
    id: r.id,
    tenantId: r.tenantId,
    reference: r.reference,
    channel: r.channel as ComplaintChannel,
    status: r.status as ComplaintStatus,
    complainant: {
      name: r.complainantName,
      phone: r.complainantPhone,
      email: r.complainantEmail,
      locale: r.complainantLocale as Locale,
    },
    productName: r.productName,
    contractNumber: r.contractNumber,
    description: r.description,
    occurredAt: r.occurredAt,
    disputedAmount:
      r.disputedAmountMinor !== null && r.disputedCurrency !== null
        ? { amountMinor: Number(r.disputedAmountMinor), currency: r.disputedCurrency }
        : null,
    demand: r.demand,
    involvedStaff: r.involvedStaff,
    handlerId: r.handlerId,
    team: r.team,
    declineReason: r.declineReason,
    reviewConclusion: r.reviewConclusion,
    resolution: r.resolution,
    followUp: r.followUpSatisfaction !== null ? { satisfaction: r.followUpSatisfaction, comment: r.followUpComment } : null,
    receivedAt: r.receivedAt,
    firstReplyDueAt: r.firstReplyDueAt,
    decisionDueAt: r.decisionDueAt,
    version: r.version,
  };
}
