import { EntitySchema } from 'typeorm';
import type { ComplaintStep, Resolution } from '../domain/complaint';

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
  complainantLocale: string;
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
    complainantLocale: { ...text, name: 'complainant_locale' },
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
