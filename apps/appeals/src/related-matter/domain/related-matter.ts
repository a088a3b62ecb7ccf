import { ValidationError, requiredText } from '@redress/domain-kit';

export type CaseType = 'COMPLAINT' | 'APPEAL';

/** Complaints and appeals from many borrowers about one product and issue, handled as one matter. */
export interface RelatedMatter {
  tenantId: string;
  id: string;
  title: string;
  productName: string;
  issue: string;
  origin: 'STAFF' | 'SUGGESTION';
  status: 'OPEN' | 'CLOSED';
  openedBy: string;
  openedAt: Date;
}

export interface RelatedCaseRef {
  caseType: CaseType;
  caseId: string;
}

export interface RelatedMatterInput {
  title: string;
  productName: string;
  issue: string;
  fromSuggestion?: boolean | null;
  cases: RelatedCaseRef[];
}

export function validateMatter(input: RelatedMatterInput) {
  const issue = requiredText('input.issue', input.issue, 60);
  if (!/^[A-Z][A-Z0-9_]*$/.test(issue)) throw new ValidationError('input.issue', 'must be a fee type or topic code such as SERVICE_FEE');
  if (input.cases.length > 500) throw new ValidationError('input.cases', 'names more than 500 cases; add them in batches');
  const seen = new Set<string>();
  const cases = input.cases.filter((c) => {
    const key = `${c.caseType}:${c.caseId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    title: requiredText('input.title', input.title, 200),
    productName: requiredText('input.productName', input.productName, 200),
    issue,
    origin: input.fromSuggestion ? ('SUGGESTION' as const) : ('STAFF' as const),
    cases,
  };
}
