import type { EntityManager } from 'typeorm';
import { nextDailySequence } from '@redress/database';
import { isUuid } from '@redress/domain-kit';
import type { ComplaintChannel, Locale } from '@redress/contracts';
import type { PersonalDataCipher } from '@redress/personal-data';
import type { Category, Severity, Topic } from '../domain/classification';
import type { Complaint, ComplaintStatus, ComplaintStep, Representative } from '../domain/complaint';
import type { ComplaintFilter, ComplaintOrder } from '../domain/complaint-filter';
import { matterOf } from '../domain/complaint-intake';
import { isOpen } from '../domain/complaint-lifecycle';
import type { DeadlineClock } from '../domain/deadline-clock';
import type { Evidence } from '../domain/evidence';
import { ComplaintEntity, ComplaintStepEntity, EvidenceEntity, type ComplaintRecord, type StoredClock } from './complaint.entity';

export type ComplaintRepository = ReturnType<typeof createComplaintRepository>;

/**
 * Data access for complaints. Every method takes the tenant explicitly: scoping in code, RLS in the
 * database. Personal data is sealed on the way in and opened on the way out, so nothing above this
 * layer handles ciphertext and nothing below it sees plaintext.
 */
export function createComplaintRepository(cipher: PersonalDataCipher) {
  const { toRecord, toDomain } = recordMapping(cipher);
  return {
    /** The next number of the tenant's daily reference sequence; the row lock serialises concurrent filings. */
    nextReferenceSequence(manager: EntityManager, tenantId: string, day: string): Promise<number> {
      return nextDailySequence(manager, 'complaints', tenantId, day);
    },

    async insert(manager: EntityManager, complaint: Complaint, matter: string | null): Promise<void> {
      await manager.getRepository(ComplaintEntity).insert({
        ...toRecord(complaint),
        matterKey: matter === null ? null : cipher.blindIndex(matter, `complaints:${complaint.tenantId}:matter`),
      });
    },

    /**
     * The open complaint on the same matter, if any (a repeat is merged into it). Locks it, so two
     * repeats arriving together are both merged into the same case rather than racing.
     */
    async findOpenOnMatter(manager: EntityManager, tenantId: string, matter: string): Promise<Complaint | null> {
      const key = cipher.blindIndex(matter, `complaints:${tenantId}:matter`);
      const [record] = await manager
        .getRepository(ComplaintEntity)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .where('c.tenant_id = :tenantId AND c.matter_key = :key', { tenantId, key })
        .andWhere(`c.status IN ('RECEIVED', 'ACCEPTED', 'ASSIGNED', 'INVESTIGATING', 'UNDER_REVIEW', 'RESOLUTION_PROPOSED', 'RESOLUTION_ACCEPTED')`)
        .orderBy('c.received_at', 'ASC')
        .limit(1)
        .getMany();
      return record ? toDomain(record) : null;
    },

    /** Serialises intake of one matter: repeats filed at the same moment see each other. */
    async lockMatter(manager: EntityManager, tenantId: string, matter: string): Promise<void> {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [cipher.blindIndex(matter, `complaints:${tenantId}:matter`)]);
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

    /** Re-seals a row's personal data under the active key (rotation, or rows written before sealing), and its matter fingerprint. */
    async reseal(manager: EntityManager, complaint: Complaint): Promise<void> {
      const r = toRecord(complaint);
      const findable = isOpen(complaint.status) && complaint.mergedInto === null;
      await manager
        .createQueryBuilder()
        .update(ComplaintEntity)
        .set({
          complainantName: r.complainantName,
          complainantPhone: r.complainantPhone,
          complainantEmail: r.complainantEmail,
          complainantIdNumber: r.complainantIdNumber,
          representative: r.representative,
          matterKey: findable ? cipher.blindIndex(matterOf(complaint), `complaints:${complaint.tenantId}:matter`) : null,
        })
        .where('tenant_id = :tenantId AND id = :id', { tenantId: complaint.tenantId, id: complaint.id })
        .execute();
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

    async findByReference(manager: EntityManager, tenantId: string, reference: string): Promise<Complaint | null> {
      const record = await manager.getRepository(ComplaintEntity).findOne({ where: { tenantId, reference } });
      return record ? toDomain(record) : null;
    },

    async addEvidence(manager: EntityManager, tenantId: string, complaintId: string, evidence: Evidence[], addedBy: string, at: Date, ids: string[]): Promise<void> {
      if (evidence.length === 0) return;
      await manager.getRepository(EvidenceEntity).insert(
        evidence.map((e, i) => ({ tenantId, id: ids[i]!, complaintId, ...e, sizeBytes: String(e.sizeBytes), addedBy, addedAt: at })),
      );
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
      now: Date,
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
      if (filter.categories) query.andWhere('c.category = ANY(:categories)', { categories: filter.categories });
      if (filter.topics) query.andWhere('c.topic = ANY(:topics)', { topics: filter.topics });
      if (filter.severities) query.andWhere('c.severity = ANY(:severities)', { severities: filter.severities });
      if (filter.handlerId) query.andWhere('c.handler_id = :handlerId', { handlerId: filter.handlerId });
      if (filter.productName) query.andWhere('c.product_name = :productName', { productName: filter.productName });
      if (filter.borrowerId) query.andWhere('c.borrower_id = :borrowerId', { borrowerId: filter.borrowerId });
      if (filter.receivedFrom) query.andWhere('c.received_at >= :receivedFrom', { receivedFrom: filter.receivedFrom });
      if (filter.receivedTo) query.andWhere('c.received_at < :receivedTo', { receivedTo: filter.receivedTo });
      if (filter.clockStates) {
        // The decision clock's state, in SQL as `readClock` computes it, for cases still awaiting a decision.
        const pending = `c.status IN ('RECEIVED', 'ACCEPTED', 'ASSIGNED', 'INVESTIGATING', 'UNDER_REVIEW')`;
        const warnAt = `c.decision_due_at - make_interval(hours => (c.clock_policy->>'warningBeforeHours')::int)`;
        const conditions = {
          PAUSED: `(${pending} AND c.decision_paused_since IS NOT NULL)`,
          BREACHED: `(${pending} AND c.decision_paused_since IS NULL AND c.decision_due_at < :now)`,
          WARNING: `(${pending} AND c.decision_paused_since IS NULL AND c.decision_due_at >= :now AND ${warnAt} <= :now)`,
          RUNNING: `(${pending} AND c.decision_paused_since IS NULL AND ${warnAt} > :now)`,
        } as const;
        query.andWhere(`(${filter.clockStates.map((s) => conditions[s]).join(' OR ')})`, { now });
      }
      if (page.after) {
        query.andWhere(`(${column}, c.id) ${compare} (:afterAt, :afterId)`, { afterAt: page.after[0], afterId: page.after[1] });
      }
      return (await query.getMany()).map(toDomain);
    },
  };
}

/** The columns a lifecycle step may change; intake facts stay as filed. */
function lifecycleFields(r: ReturnType<ReturnType<typeof recordMapping>['toRecord']>) {
  const { status, handlerId, team, declineReason, reviewConclusion, resolution, followUpSatisfaction, followUpComment, version } = r;
  const { mergedInto, decisionClock, decisionPausedSince, decisionDueAt } = r;
  return {
    status,
    handlerId,
    team,
    declineReason,
    reviewConclusion,
    resolution,
    followUpSatisfaction,
    followUpComment,
    version,
    mergedInto,
    decisionClock,
    decisionPausedSince,
    decisionDueAt,
  };
}

function storeClock(clock: DeadlineClock): StoredClock {
  return {
    kind: 'DECISION',
    startedAt: clock.startedAt.toISOString(),
    extension: clock.extension,
    extensionReason: clock.extensionReason,
    approvedBy: clock.approvedBy,
    pauses: clock.pauses.map((p) => ({ from: p.from.toISOString(), to: p.to?.toISOString() ?? null, reason: p.reason })),
    stoppedAt: clock.stoppedAt?.toISOString() ?? null,
  };
}

function loadClock(stored: StoredClock): DeadlineClock {
  return {
    kind: 'DECISION',
    startedAt: new Date(stored.startedAt),
    extension: stored.extension,
    extensionReason: stored.extensionReason,
    approvedBy: stored.approvedBy,
    pauses: stored.pauses.map((p) => ({ from: new Date(p.from), to: p.to ? new Date(p.to) : null, reason: p.reason })),
    stoppedAt: stored.stoppedAt ? new Date(stored.stoppedAt) : null,
  };
}

const SEALED = 'pd1.';

function recordMapping(cipher: PersonalDataCipher) {
  /** Each value is bound to its tenant, row and column: a ciphertext moved anywhere else will not open. */
  const context = (c: { tenantId: string; id: string }, column: string) => `complaints:${c.tenantId}:${c.id}:${column}`;
  const seal = (c: { tenantId: string; id: string }, column: string, value: string | null) => cipher.sealNullable(value, context(c, column));
  // Rows written before sealing hold plaintext until the reseal job reaches them.
  const open = (c: { tenantId: string; id: string }, column: string, value: string | null) =>
    value === null || !value.startsWith(SEALED) ? value : cipher.open(value, context(c, column));

  function toRecord(c: Complaint): Omit<ComplaintRecord, 'createdAt' | 'updatedAt' | 'matterKey'> {
    const openPause = c.decisionClock.pauses.find((p) => p.to === null) ?? null;
    return {
      tenantId: c.tenantId,
      id: c.id,
      reference: c.reference,
      channel: c.channel,
      status: c.status,
      category: c.category,
      topic: c.topic,
      severity: c.severity,
      complainantName: seal(c, 'complainant_name', c.complainant.name)!,
      complainantPhone: seal(c, 'complainant_phone', c.complainant.phone)!,
      complainantEmail: seal(c, 'complainant_email', c.complainant.email),
      complainantIdNumber: seal(c, 'complainant_id_number', c.complainant.idNumber),
      complainantLocale: c.complainant.locale,
      borrowerId: c.borrowerId,
      representative: seal(c, 'representative', c.representative ? JSON.stringify(c.representative) : null),
      regulator: c.regulatorReferral?.regulator ?? null,
      regulatorReference: c.regulatorReferral?.reference ?? null,
      productName: c.productName,
      contractNumber: c.contractNumber,
      description: c.description,
      occurredAt: c.occurredAt,
      occurredPlace: c.occurredPlace,
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
      mergedInto: c.mergedInto,
      receivedAt: c.receivedAt,
      firstReplyDueAt: c.firstReplyDueAt,
      decisionDueAt: c.decisionDueAt,
      decisionClock: storeClock(c.decisionClock),
      decisionPausedSince: openPause?.from ?? null,
      clockPolicy: c.clockPolicy,
      version: c.version,
    };
  }

  function toDomain(r: ComplaintRecord): Complaint {
    const representative = open(r, 'representative', r.representative);
    return {
      id: r.id,
      tenantId: r.tenantId,
      reference: r.reference,
      channel: r.channel as ComplaintChannel,
      status: r.status as ComplaintStatus,
      category: r.category as Category,
      topic: r.topic as Topic,
      severity: r.severity as Severity,
      complainant: {
        name: open(r, 'complainant_name', r.complainantName)!,
        phone: open(r, 'complainant_phone', r.complainantPhone)!,
        email: open(r, 'complainant_email', r.complainantEmail),
        idNumber: open(r, 'complainant_id_number', r.complainantIdNumber),
        locale: r.complainantLocale as Locale,
      },
      borrowerId: r.borrowerId,
      representative: representative ? (JSON.parse(representative) as Representative) : null,
      regulatorReferral: r.regulator && r.regulatorReference ? { regulator: r.regulator, reference: r.regulatorReference } : null,
      productName: r.productName,
      contractNumber: r.contractNumber,
      description: r.description,
      occurredAt: r.occurredAt,
      occurredPlace: r.occurredPlace,
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
      resolution: r.resolution ? reviveResolution(r.resolution) : null,
      followUp: r.followUpSatisfaction !== null ? { satisfaction: r.followUpSatisfaction, comment: r.followUpComment } : null,
      mergedInto: r.mergedInto,
      receivedAt: r.receivedAt,
      firstReplyDueAt: r.firstReplyDueAt,
      decisionDueAt: r.decisionDueAt,
      decisionClock: loadClock(r.decisionClock),
      clockPolicy: r.clockPolicy,
      version: r.version,
    };
  }

  return { toRecord, toDomain };
}

/** JSON gives the issue time back as a string; remedies recorded before fee types lack them. */
function reviveResolution(stored: NonNullable<Complaint['resolution']>): NonNullable<Complaint['resolution']> {
  return {
    ...stored,
    issuedAt: new Date(stored.issuedAt),
    remedies: stored.remedies.map((r) => ({ ...r, feeType: r.feeType ?? null, chargeReference: r.chargeReference ?? null })),
  };
}
