/**
 * How a case is classified (DOMAIN.md, Complaints → Classification; seed 002): what kind of case it
 * is, what it is about, and how serious it is.
 */
export const CATEGORIES = ['INQUIRY', 'SUGGESTION', 'COMPLAINT', 'MISCONDUCT_REPORT'] as const;
export type Category = (typeof CATEGORIES)[number];

export const TOPICS = [
  'INTEREST_AND_FEE_TRANSPARENCY',
  'COLLECTION_CONDUCT',
  'CONTRACT_TERMS',
  'SERVICE_ATTITUDE',
  'REFUND',
  'PRIVACY',
  'FRAUD',
  'OTHER',
] as const;
export type Topic = (typeof TOPICS)[number];

export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Who files for a borrower who does not file themselves, with what authority. */
export const REPRESENTATIVE_KINDS = ['AGENT', 'HEIR', 'GUARDIAN'] as const;
export type RepresentativeKind = (typeof REPRESENTATIVE_KINDS)[number];

/**
 * Cases that must pass the internal review group before the decision (DOMAIN.md, serious or
 * complex cases): high and critical severity, and every misconduct report.
 */
export function needsInternalReview(category: Category, severity: Severity): boolean {
  return category === 'MISCONDUCT_REPORT' || severity === 'HIGH' || severity === 'CRITICAL';
}
