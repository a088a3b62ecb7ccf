/**
 * Tenant administration through the graph, as a platform administrator: used by the `tenant`
 * command line (`npm run tenant -- …`) and by tools/platform.ts to onboard the demo lenders.
 */
import { bearer, graphqlRequest } from '@redress/devkit';

export interface TenantOnboarding {
  tenantId?: string;
  name: string;
  code: string;
  /** zh-CN, zh-TW, en. */
  locales: readonly string[];
  defaultLocale: string;
  timeZone: string;
  enabledChannels: readonly string[];
  clockPolicy?: Record<string, number>;
  refundPolicy?: Record<string, unknown>;
}

export interface TenantSummary {
  id: string;
  name: string;
  code: string;
  status: string;
  revision: number;
}

const TENANT_FIELDS = 'id name code status revision';
const toGraphLocale = (locale: string) => locale.replace('-', '_');

function failure(what: string, errors: { message: string; extensions?: Record<string, unknown> }[]): Error {
  return new Error(`${what} failed: ${errors.map((e) => `${e.message} (${String(e.extensions?.['code'] ?? 'ERROR')})`).join('; ')}`);
}

export async function onboardTenant(gatewayUrl: string, token: string, tenant: TenantOnboarding): Promise<TenantSummary> {
  const result = await graphqlRequest<{ onboardTenant: { tenant: TenantSummary } }>(
    gatewayUrl,
    `mutation($input: OnboardTenantInput!) { onboardTenant(input: $input) { tenant { ${TENANT_FIELDS} } } }`,
    {
      input: {
        ...tenant,
        locales: tenant.locales.map(toGraphLocale),
        defaultLocale: toGraphLocale(tenant.defaultLocale),
        enabledChannels: [...tenant.enabledChannels],
      },
    },
    bearer(token),
  );
  if (result.errors?.length || !result.data) throw failure(`Onboarding ${tenant.name}`, result.errors ?? []);
  return result.data.onboardTenant.tenant;
}

export async function findTenant(gatewayUrl: string, token: string, id: string): Promise<TenantSummary | null> {
  const result = await graphqlRequest<{ tenant: TenantSummary | null }>(
    gatewayUrl,
    `query($id: ID!) { tenant(id: $id) { ${TENANT_FIELDS} } }`,
    { id },
    bearer(token),
  );
  if (result.errors?.length) throw failure('Reading the tenant', result.errors);
  return result.data?.tenant ?? null;
}

export async function changeTenantStatus(
  gatewayUrl: string,
  token: string,
  action: 'suspend' | 'reinstate',
  tenantId: string,
  reason: string,
): Promise<TenantSummary> {
  const field = action === 'suspend' ? 'suspendTenant' : 'reinstateTenant';
  const result = await graphqlRequest<Record<string, { tenant: TenantSummary }>>(
    gatewayUrl,
    `mutation($input: ChangeTenantStatusInput!) { ${field}(input: $input) { tenant { ${TENANT_FIELDS} } } }`,
    { input: { tenantId, reason } },
    bearer(token),
  );
  if (result.errors?.length || !result.data) throw failure(`${action}`, result.errors ?? []);
  return result.data[field]!.tenant;
}

export async function listTenants(gatewayUrl: string, token: string): Promise<TenantSummary[]> {
  const all: TenantSummary[] = [];
  let after: string | null = null;
  for (;;) {
    const result: Awaited<ReturnType<typeof graphqlRequest<{ tenants: { edges: { node: TenantSummary }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>>> =
      await graphqlRequest(
        gatewayUrl,
        `query($after: String) { tenants(first: 100, after: $after) { edges { node { ${TENANT_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
        { after },
        bearer(token),
      );
    if (result.errors?.length || !result.data) throw failure('Listing tenants', result.errors ?? []);
    all.push(...result.data.tenants.edges.map((e) => e.node));
    if (!result.data.tenants.pageInfo.hasNextPage) return all;
    after = result.data.tenants.pageInfo.endCursor;
  }
}
