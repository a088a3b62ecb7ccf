import type { Money } from '@redress/domain-kit';

export const CASE_KINDS = ['MEDIATION', 'NEGOTIATION'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** How the case came: the borrower asked, a complaint decision referred it, or an overdue loan's negotiation request. */
export const CASE_ORIGINS = ['BORROWER', 'COMPLAINT_REFERRAL', 'NEGOTIATION_REQUEST'] as const;
export type CaseOrigin = (typeof CASE_ORIGINS)[number];

export const CASE_STATUSES = [
  'SUBMITTED',
  'NOT_ACCEPTED',
  'AWAITING_MEDIATOR',
  'IN_MEDIATION',
  'PROPOSAL_PENDING',
  'AGREED',
  'CARRIED_OUT',
  'FAILED',
  'WITHDRAWN',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which the case is still being worked towards an outcome. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['SUBMITTED', 'AWAITING_MEDIATOR', 'IN_MEDIATION', 'PROPOSAL_PENDING'];
/** Statuses an upheld appeal against the mediation result may reopen. */
export const CONCLUDED_STATUSES: readonly CaseStatus[] = ['AGREED', 'CARRIED_OUT', 'FAILED'];

export const MATERIAL_KINDS = ['LOAN_CONTRACT', 'REPAYMENT_RECORDS', 'COMMUNICATION_RECORDS', 'HARDSHIP_EVIDENCE', 'IDENTITY_DOCUMENT', 'OTHER'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

export const HARDSHIP_CODES = ['UNEMPLOYMENT', 'ILLNESS', 'INCOME_INTERRUPTED', 'OTHER'] as const;
export type HardshipCode = (typeof HARDSHIP_CODES)[number];

export const HARDSHIP_REQUESTS = ['EXTEND_TERM', 'PAY_IN_INSTALMENTS', 'REDUCE_PENALTY_INTEREST', 'WAIVE_PENALTY_INTEREST', 'REDUCE_LATE_FEES', 'WAIVE_LATE_FEES'] as const;
export type HardshipRequest = (typeof HARDSHIP_REQUESTS)[number];

export const SESSION_MODES = ['PHONE', 'VIDEO', 'IN_PERSON'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

export const PARTICIPANT_ROLES = ['BORROWER', 'BORROWER_AGENT', 'MEDIATOR', 'LENDER_STAFF', 'OTHER'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const TERM_KINDS = ['REPAYMENT_PLAN', 'FEE_WAIVER', 'REFUND', 'EXPLANATION', 'OTHER'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export interface Material {
  id: string;
  kind: MaterialKind;
  title: string;
  /** SHA-256 of the file, hex: proves later that the document is the one handed in. */
  contentHash: string;
  mediaType: string;
  sizeBytes: number;
  addedBy: string;
  addedAt: Date;
}

export interface Hardship {
  type: HardshipCode;
  description: string;
  requests: HardshipRequest[];
  /** Ids of the materials that evidence it. */
  evidenceMaterialIds: string[];
  recordedAt: Date;
}

export interface Assignment {
  mediatorId: string;
  mediatorActorId: string;
  mediatorName: string;
  institutionId: string | null;
  assignedAt: Date;
  assignedBy: string;
  reason: string | null;
  endedAt: Date | null;
  endReason: 'REASSIGNED' | 'RECUSED' | null;
}

export interface Session {
  id: string;
  mode: SessionMode;
  scheduledAt: Date;
  location: string | null;
  participants: { role: ParticipantRole; participantId: string | null }[];
  minutes: string | null;
  heldAt: Date | null;
  recordedBy: string | null;
}

/** The parameters of a new repayment plan, as agreed (the schedule is computed from them). */
export interface PlanTerms {
  outstandingPrincipal: Money;
  annualRateBps: number;
  termMonths: number;
  method: 'EQUAL_INSTALMENT' | 'EQUAL_PRINCIPAL';
  firstDueDate: string;
}

export interface Term {
  kind: TermKind;
  description: string;
  /** A refund's or fee waiver's amount. */
  amount: Money | null;
  /** A refund's or waiver's fee type, e.g. PENALTY_INTEREST, LATE_FEE, SERVICE_FEE. */
  feeType: string | null;
  chargeReference: string | null;
  plan: PlanTerms | null;
}

export interface ProposalAnswer {
  kind: 'ACCEPTED' | 'REJECTED' | 'WITHDRAWN';
  by: string;
  at: Date;
  reason: string | null;
}

export interface Proposal {
  round: number;
  proposedBy: string;
  proposedAt: Date;
  summary: string;
  terms: Term[];
  replyDueAt: Date;
  comments: { by: string; at: Date; text: string }[];
  answer: ProposalAnswer | null;
}

export interface Agreement {
  id: string;
  round: number;
  agreedAt: Date;
  terms: (Term & { carriedOut: { at: Date; by: string; note: string | null } | null })[];
}

export interface CaseStep {
  at: Date;
  action: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  actorId: string;
  note: string | null;
}

export interface MediationCase {
  id: string;
  tenantId: string;
  reference: string;
  kind: CaseKind;
  origin: CaseOrigin;
  status: CaseStatus;
  borrowerId: string | null;
  complaintId: string | null;
  complaintReference: string | null;
  /** The complaint decision and remedy that referred it: one case per (decisionId, remedyIndex). */
  referral: { decisionId: string; remedyIndex: number } | null;
  productName: string;
  contractNumber: string | null;
  summary: string;
  demand: string | null;
  locale: Locale;
  /** For a negotiation: what is overdue. */
  overdueAmount: Money | null;
  overdueSince: string | null;
  hardship: Hardship | null;
  materials: Material[];
  review: { decision: 'ACCEPTED' | 'NOT_ACCEPTED'; reasons: string; reviewerId: string; at: Date } | null;
  assignments: Assignment[];
  /** People who may not mediate this case: the complaint's handler and reviewers, mediators who recused. */
  interestedParties: string[];
  sessions: Session[];
  proposals: Proposal[];
  agreement: Agreement | null;
  supersededAgreements: Agreement[];
  outcome: { kind: 'AGREEMENT' | 'FAILURE' | 'WITHDRAWN' | 'NOT_ACCEPTED'; summary: string; at: Date } | null;
  resumedByAppeals: { appealId: string; at: Date; reasons: string }[];
  openedAt: Date;
  acceptanceDueAt: Date | null;
  caseDueAt: Date | null;
  specialistReplyDueAt: Date | null;
  specialistRepliedAt: Date | null;
  timeline: CaseStep[];
  version: number;
}

export function currentAssignment(c: MediationCase): Assignment | null {
  return c.assignments.find((a) => a.endedAt === null) ?? null;
}

export function pendingProposal(c: MediationCase): Proposal | null {
  const last = c.proposals.at(-1);
  return last && last.answer === null ? last : null;
}
