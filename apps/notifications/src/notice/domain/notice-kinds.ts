/**
 * Every kind of notice the platform sends, whether it is regulatory (cannot be opted out of, not
 * held for quiet hours) and the variables its templates may use. A template is checked against
 * this list when it is saved, so a typo is refused then, not discovered when a borrower is told.
 */
const COMMON = ['reference', 'tenantName'] as const;
const COMPLAINT = [...COMMON, 'productName'] as const;

export const NOTICE_KINDS = {
  COMPLAINT_RECEIVED: { regulatory: false, variables: [...COMPLAINT, 'receivedAt', 'firstReplyDueAt', 'decisionDueAt'] },
  COMPLAINT_ACCEPTED: { regulatory: false, variables: [...COMPLAINT, 'decisionDueAt'] },
  /** Carries the reason and the way to ask for a review: the complainant's rights. */
  COMPLAINT_NOT_ACCEPTED: { regulatory: true, variables: [...COMPLAINT, 'reason', 'appealDeadline'] },
  DECISION_EXTENDED: { regulatory: true, variables: [...COMPLAINT, 'decisionDueAt', 'reason'] },
  /** Time on outside appraisal does not count, but the complainant must be told (DOMAIN.md, clocks). */
  CLOCK_PAUSED: { regulatory: true, variables: [...COMPLAINT, 'reason'] },
  CLOCK_RESUMED: { regulatory: false, variables: [...COMPLAINT, 'decisionDueAt'] },
  /** New facts restart the clock (DOMAIN.md, clocks): the complainant learns the new deadline and why. */
  CLOCK_RESTARTED: { regulatory: false, variables: [...COMPLAINT, 'decisionDueAt', 'reason'] },
  INVESTIGATION_CONTINUES: { regulatory: false, variables: [...COMPLAINT, 'decisionDueAt'] },
  COMPLAINT_DECISION: { regulatory: true, variables: [...COMPLAINT, 'outcome', 'reasons', 'remedies', 'appealDeadline'] },
  COMPLAINT_RESOLVED: { regulatory: false, variables: [...COMPLAINT] },
  COMPLAINT_CLOSED: { regulatory: false, variables: [...COMPLAINT] },
  COMPLAINT_WITHDRAWN: { regulatory: false, variables: [...COMPLAINT] },
  COMPLAINT_MERGED: { regulatory: false, variables: [...COMPLAINT, 'reason'] },
  COMPLAINT_REOPENED: { regulatory: false, variables: [...COMPLAINT, 'decisionDueAt', 'reason'] },
  REFUND_REJECTED: { regulatory: true, variables: [...COMMON, 'amount', 'reasons', 'appealDeadline'] },
  MEDIATION_AGREED: { regulatory: false, variables: [...COMMON, 'summary'] },
  MEDIATION_FAILED: { regulatory: true, variables: [...COMMON, 'summary', 'externalRoutes'] },
  MEDIATION_WITHDRAWN: { regulatory: false, variables: [...COMMON, 'summary'] },
  APPEAL_UPHELD: { regulatory: true, variables: [...COMMON, 'reasons'] },
  APPEAL_DISMISSED: { regulatory: true, variables: [...COMMON, 'reasons', 'externalRoutes'] },
} as const satisfies Record<string, { regulatory: boolean; variables: readonly string[] }>;

export type NoticeKind = keyof typeof NOTICE_KINDS;
export const NOTICE_KIND_NAMES = Object.keys(NOTICE_KINDS) as NoticeKind[];

export function isRegulatory(kind: NoticeKind): boolean {
  return NOTICE_KINDS[kind].regulatory;
}

export function variablesOf(kind: NoticeKind): readonly string[] {
  return NOTICE_KINDS[kind].variables;
}
