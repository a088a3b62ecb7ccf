/** A GraphQL response as a client sees it. */
export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export async function graphqlRequest<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

/**
 * A development token naming tenant and caller (see apps/gateway/src/auth/dev-token.ts); with a
 * borrower id, the caller acts for that one borrower only.
 */
export function devToken(tenantId: string, actorId = 'partner-app:e2e', roles = ['partner_app'], borrowerId: string | null = null): string {
  return `dev.${Buffer.from(JSON.stringify({ tenantId, actorId, roles, borrowerId })).toString('base64url')}`;
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
