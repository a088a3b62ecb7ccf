import { suggestMatters, type MatterCase } from '../suggestion-rule';

const now = new Date('2026-11-25T00:00:00Z');
const day = 24 * 60 * 60 * 1000;
const c = (i: number, borrowerId: string | null, daysAgo: number, productName = '桔多多·信用借', issue = 'SERVICE_FEE'): MatterCase => ({
  caseType: i % 2 ? 'APPEAL' : 'COMPLAINT',
  caseId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  borrowerId,
  productName,
  issue,
  occurredAt: new Date(now.getTime() - daysAgo * day),
});

describe('related matter suggestions', () => {
  const rule = { minBorrowers: 3, periodDays: 90 };
  it.each([
    ['three borrowers, same product and fee type', [c(1, 'A', 1), c(2, 'B', 2), c(3, 'C', 3)], [3]],
    ['one borrower three times is not collective', [c(1, 'A', 1), c(2, 'A', 2), c(3, 'A', 3)], []],
    ['outside the period', [c(1, 'A', 1), c(2, 'B', 2), c(3, 'C', 91)], []],
    ['a different issue', [c(1, 'A', 1), c(2, 'B', 2), c(3, 'C', 3, '桔多多·信用借', 'LATE_FEE')], []],
    ['the same product typed differently', [c(1, 'A', 1), c(2, 'B', 2), c(3, 'C', 3, '桔多多· 信用借')], [3]],
    ['unknown borrowers count one each', [c(1, null, 1), c(2, null, 2), c(3, 'C', 3)], [3]],
  ])('%s', (_name, cases, counts) => {
    expect(suggestMatters(cases, rule, now).map((s) => s.borrowerCount)).toEqual(counts);
  });
});
