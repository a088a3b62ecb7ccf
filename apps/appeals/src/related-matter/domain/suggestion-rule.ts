/**
 * The service's suggestion of a related matter (a possible collective claim): cases — complaint
 * decisions and appeals — about the same product and the same issue (fee type where known, else the
 * appeal's topic), from at least `minBorrowers` distinct borrowers, within the last `periodDays`
 * days, that are in no matter yet. A case without a known borrower counts as a borrower
 * of its own. Staff accept a suggestion by opening a matter with its cases.
 */
export interface MatterCase {
  caseType: 'COMPLAINT' | 'APPEAL';
  caseId: string;
  borrowerId: string | null;
  productName: string;
  issue: string;
  occurredAt: Date;
}

export interface MatterSuggestion {
  productName: string;
  issue: string;
  borrowerCount: number;
  cases: MatterCase[];
  firstAt: Date;
  lastAt: Date;
}

export interface SuggestionRule {
  minBorrowers: number;
  periodDays: number;
}

/** Product names are compared without case, width or spacing differences (客服 types them by hand). */
export function productKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

export function suggestMatters(cases: MatterCase[], rule: SuggestionRule, now: Date): MatterSuggestion[] {
  const since = now.getTime() - rule.periodDays * 24 * 60 * 60 * 1000;
  const groups = new Map<string, MatterCase[]>();
  for (const c of cases) {
    if (c.occurredAt.getTime() < since || c.occurredAt.getTime() > now.getTime()) continue;
    const key = `${productKey(c.productName)}\u0000${c.issue}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const suggestions: MatterSuggestion[] = [];
  for (const group of groups.values()) {
    const borrowers = new Set(group.map((c) => c.borrowerId ?? `case:${c.caseType}:${c.caseId}`));
    if (borrowers.size < rule.minBorrowers) continue;
    const times = group.map((c) => c.occurredAt.getTime());
    suggestions.push({
      productName: group[0]!.productName,
      issue: group[0]!.issue,
      borrowerCount: borrowers.size,
      cases: [...group].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime()),
      firstAt: new Date(Math.min(...times)),
      lastAt: new Date(Math.max(...times)),
    });
  }
  return suggestions.sort((a, b) => b.borrowerCount - a.borrowerCount || a.productName.localeCompare(b.productName));
}
