import { signStaffToken, TEST_IDENTITY } from '../identity';

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
 * A signed staff token (JWT) for a test caller, as the staff identity provider would issue it,
 * signed with the test key that every test gateway trusts (`TEST_IDENTITY`). With a borrower id,
 * the caller acts for that one borrower only. Platform operators use `PLATFORM_TENANT_ID` with the
 * `platform_admin` role.
 */
export function devToken(
  tenantId: string,
  actorId = 'partner-app:e2e',
  roles = ['partner_app'],
  borrowerId: string | null = null,
  options: { expiresInSeconds?: number } = {},
): string {
  return signStaffToken(TEST_IDENTITY, { tenantId, actorId, roles, borrowerId }, { expiresInSeconds: options.expiresInSeconds });
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
