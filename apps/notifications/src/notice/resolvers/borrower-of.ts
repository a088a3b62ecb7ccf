import { borrowerScope, type Principal } from '@redress/access';
import { DomainError, requiredText } from '@redress/domain-kit';

/**
 * Whose inbox or preferences a call is about: a borrower-scoped caller's own (naming someone else
 * is refused), or the borrower staff and apps name.
 */
export function borrowerOf(caller: Principal, named: string | null | undefined, field = 'borrowerId'): string {
  const scope = borrowerScope(caller);
  if (scope) {
    if (named && named !== scope.borrowerId) throw new DomainError('FORBIDDEN', 'A borrower may act on their own notices only.', { field });
    return scope.borrowerId;
  }
  return requiredText(field, named, 200);
}
