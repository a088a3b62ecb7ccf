import { EntitySchema } from 'typeorm';
import type { ComplaintStep, Resolution } from '../domain/complaint';
import type { ClockPolicy } from '../domain/clock-policy';

/** The decision clock as JSON (instants as ISO strings). */
export interface StoredClock {
  kind: 'DECISION';
  startedAt: string;
  extension: 'NONE' | 'COMPLEX' | 'FURTHER';
  extensionReason: string | null;
  approvedBy: string | null;
  pauses: { from: string; to: string | null; reason: string }[];
  stoppedAt: string | null;
}

/** A row of `complaints.complaints`. Every row carries its tenant; the tenant leads the primary key. */
export interface ComplaintRecord {
  tenantId: string;
  id: string;
  reference: string;
  channel: string;
  status: string;
  complainantName: string;
  complainantPhone: string;
  complainantEmail: string | null;
  complainantIdNumber: string | null;
  complainantLocale: string;
  category: string;
  topic: string;
  severity: string;
  borrowerId: string | null;
  /** Sealed JSON of the representative. */
  representative: string | null;
  regulator: string | null;
  regulatorReference: string | null;
  occurredPlace: string | null;
  mergedInto: string | null;
  /** Blind index of the matter (complainant, loan, topic) for finding repeats. */
  matterKey: string | null;
  decisionClock: StoredClock;
  decisionPausedSince: Date | null;
  clockPolicy: ClockPolicy;
  productName: string;
  contractNumber: string | null;
  description: string;
  occurredAt: Date | null;
  disputedAmountMinor: string | null;
  disputedCurrency: string | null;
  demand: string | null;
  involvedStaff: string[];
  handlerId: string | null;
  team: string | null;
  declineReason: string | null;
  reviewConclusion: string | null;
  resolution: Resolution | null;
  followUpSatisfaction: number | null;
  followUpComment: string | null;
  receivedAt: Date;
  firstReplyDueAt: Date;
  decisionDueAt: Date;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const text = { type: 'text' as const };
const nullableText = { type: 'text' as const, nullable: true };
const instant = { type: 'timestamptz' as const };

export const ComplaintEntity = new EntitySchema<ComplaintRecord>({
  name: 'Complaint',
  tableName: 'complaints',
  columns: {
    tenantId: { type: 'uuid', primary: true, name: 'tenant_id' },
    id: { type: 'uuid', primary: true },
    reference: text,
    channel: text,
    status: text,
    complainantName: { ...text, name: 'complainant_name' },
    complainantPhone: { ...text, name: 'complainant_phone' },
    complainantEmail: { ...nullableText, name: 'complainant_email' },
    complainantIdNumber: { ...nullableText, name: 'complainant_id_number' },
    complainantLocale: { ...text, name: 'complainant_locale' },
    category: text,
    topic: text,
    severity: text,
    borrowerId: { ...nullableText, name: 'borrower_id' },
    representative: nullableText,
    regulator: nullableText,
    regulatorReference: { ...nullableText, name: 'regulator_reference' },
    occurredPlace: { ...nullableText, name: 'occurred_place' },
    mergedInto: { type: 'uuid', nullable: true, name: 'merged_into' },
    matterKey: { ...nullableText, name: 'matter_key' },
    decisionClock: { type: 'jsonb', name: 'decision_clock' },
    decisionPausedSince: { ...instant, nullable: true, name: 'decision_paused_since' },
    clockPolicy: { type: 'jsonb', name: 'clock_policy' },
    productName: { ...text, name: 'product_name' },
    contractNumber: { ...nullableText, name: 'contract_number' },
    description: text,
    occurredAt: { ...instant, nullable: true, name: 'occurred_at' },
    disputedAmountMinor: { type: 'bigint', nullable: true, name: 'disputed_amount_minor' },
    disputedCurrency: { type: 'char', length: 3, nullable: true, name: 'disputed_currency' },
    demand: nullableText,
    involvedStaff: { type: 'text', array: true, name: 'involved_staff' },
    handlerId: { ...nullableText, name: 'handler_id' },
    team: nullableText,
    declineReason: { ...nullableText, name: 'decline_reason' },
    reviewConclusion: { ...nullableText, name: 'review_conclusion' },
    resolution: { type: 'jsonb', nullable: true },
    followUpSatisfaction: { type: 'int', nullable: true, name: 'follow_up_satisfaction' },
    followUpComment: { ...nullableText, name: 'follow_up_comment' },
    receivedAt: { ...instant, name: 'received_at' },
    firstReplyDueAt: { ...instant, name: 'first_reply_due_at' },
    decisionDueAt: { ...instant, name: 'decision_due_at' },
    version: { type: 'int' },
    createdAt: { ...instant, name: 'created_at', createDate: true },
    updatedAt: { ...instant, name: 'updated_at', updateDate: true },
  },
});

/** A row of `complaints.complaint_steps`: one step of a complaint's timeline. */
export const ComplaintStepEntity = new EntitySchema<ComplaintStep>({
  name: 'ComplaintStep',
  tableName: 'complaint_steps',
  columns: {
    tenantId: { type: 'uuid', primary: true, name: 'tenant_id' },
    id: { type: 'uuid', primary: true },
    complaintId: { type: 'uuid', name: 'complaint_id' },
    at: instant,
    action: text,
    fromStatus: { ...nullableText, name: 'from_status' },
    toStatus: { ...text, name: 'to_status' },
    actorId: { ...text, name: 'actor_id' },
    note: nullableText,
  },
});

/** Rows of the case file around a complaint: evidence, contacts, notes, audit, tenant settings. */
export interface EvidenceRecord {
  tenantId: string;
  id: string;
  complaintId: string;
  kind: string;
  fileName: string;
  mediaType: string;
  sizeBytes: string;
  sha256: string;
  description: string | null;
  addedBy: string;
  addedAt: Date;
}

export const EvidenceEntity = new EntitySchema<EvidenceRecord>({
  name: 'ComplaintEvidence',
  tableName: 'evidence',
  columns: {
    tenantId: { type: 'uuid', primary: true, name: 'tenant_id' },
    id: { type: 'uuid', primary: true },
    complaintId: { type: 'uuid', name: 'complaint_id' },
    kind: text,
    fileName: { ...text, name: 'file_name' },
    mediaType: { ...text, name: 'media_type' },
    sizeBytes: { type: 'bigint', name: 'size_bytes' },
    sha256: { type: 'char', length: 64 },
    description: nullableText,
    addedBy: { ...text, name: 'added_by' },
    addedAt: { ...instant, name: 'added_at' },
  },
});

export interface CommunicationRecord {
  tenantId: string;
  id: string;
  complaintId: string;
  at: Date;
  channel: string;
  direction: string;
  staffId: string;
  staffName: string;
  content: string;
  recordedAt: Date;
}

export const CommunicationEntity = new EntitySchema<CommunicationRecord>({
  name: 'ComplaintCommunication',
  tableName: 'communications',
  columns: {
    tenantId: { type: 'uuid', primary: true, name: 'tenant_id' },
    id: { type: 'uuid', primary: true },
    complaintId: { type: 'uuid', name: 'complaint_id' },
    at: instant,
    channel: text,
    direction: text,
    staffId: { ...text, name: 'staff_id' },
    staffName: { ...text, name: 'staff_name' },
    content: text,
    recordedAt: { ...instant, name: 'recorded_at' },
  },
});

export interface CaseNoteRecord {
  tenantId: string;
  id: string;
  complaintId: string;
  kind: string;
  body: string;
  authorId: string;
  at: Date;
}

export const CaseNoteEntity = new EntitySchema<CaseNoteRecord>({
  name: 'ComplaintCaseNote',
  tableName: 'case_notes',
  columns: {
    tenantId: { type: 'uuid', primary: true, name: 'tenant_id' },
    id: { type: 'uuid', primary: true },
    complaintId: { type: 'uuid', name: 'complaint_id' },
    kind: text,
    body: text,
    authorId: { ...text, name: 'author_id' },
    at: instant,
  },
});
