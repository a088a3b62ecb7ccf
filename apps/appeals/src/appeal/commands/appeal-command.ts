/** Who asks, for which tenant, in which request: every appeal command carries it. */
export interface AppealCommandContext {
  tenantId: string;
  actorId: string;
  correlationId: string;
  /** A borrower-scoped caller acts on their own appeals and decisions only. */
  borrowerScope: { borrowerId: string } | null;
}
