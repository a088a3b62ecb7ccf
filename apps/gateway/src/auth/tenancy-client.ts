import { signInternalRequest } from '@redress/graphql-kit';

export type TenantStatus = 'ACTIVE' | 'SUSPENDED' | 'UNKNOWN';

export interface VerifiedClient {
  tenantId: string;
  clientId: string;
  roles: string[];
  tenantStatus: 'ACTIVE' | 'SUSPENDED';
}

/**
 * The gateway's calls to the tenancy service's internal endpoints, each signed with the platform's
 * shared secret over method, path, time and body (see `signInternalRequest`). Nothing else may
 * call them; they are not part of the graph.
 */
export class TenancyClient {
  private readonly origin: string;

  constructor(
    tenancyGraphqlUrl: string,
    private readonly secret: string,
    private readonly timeoutMs = 3_000,
  ) {
    this.origin = new URL(tenancyGraphqlUrl).origin;
  }

  private async call(method: 'GET' | 'POST', path: string, body = ''): Promise<Response> {
    return fetch(`${this.origin}${path}`, {
      method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...signInternalRequest(this.secret, method, path, body) },
      body: body || undefined,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
  }

  /** The client's tenant and roles, or null when the credentials are not valid (unknown, revoked or wrong secret alike). */
  async verifyClient(clientId: string, clientSecret: string): Promise<VerifiedClient | null> {
    const response = await this.call('POST', '/internal/v1/client-credentials/verify', JSON.stringify({ clientId, clientSecret }));
    if (response.status === 401 || response.status === 400) {
      const body = (await response.json().catch(() => ({}))) as { error?: string };
      if (body.error === 'invalid_client' || body.error === 'invalid_request') return null;
    }
    if (!response.ok) throw new Error(`tenancy answered ${response.status}`);
    return (await response.json()) as VerifiedClient;
  }

  async tenantStatus(tenantId: string): Promise<TenantStatus> {
    const response = await this.call('GET', `/internal/v1/tenants/${tenantId}/status`);
    if (!response.ok) throw new Error(`tenancy answered ${response.status}`);
    const body = (await response.json()) as { status: TenantStatus };
    return body.status;
  }
}

/**
 * Tenants' status, read from tenancy and kept for a short time (`ttlMs`): a suspension takes at most
 * that long to bite, and the gateway asks tenancy at most once per tenant per period. When tenancy
 * cannot be reached, a status read within `staleMs` is still used; after that the request is refused
 * (fail closed) rather than letting a possibly suspended tenant through.
 */
export class TenantStatusCache {
  private readonly entries = new Map<string, { status: TenantStatus; at: number }>();
  private readonly inFlight = new Map<string, Promise<TenantStatus>>();

  constructor(
    private readonly fetchStatus: (tenantId: string) => Promise<TenantStatus>,
    private readonly ttlMs: number,
    private readonly staleMs = 300_000,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 10_000,
  ) {}

  async statusOf(tenantId: string): Promise<TenantStatus> {
    const cached = this.entries.get(tenantId);
    if (cached && this.now() - cached.at < this.ttlMs) return cached.status;
    let pending = this.inFlight.get(tenantId);
    if (!pending) {
      pending = this.fetchStatus(tenantId).finally(() => this.inFlight.delete(tenantId));
      this.inFlight.set(tenantId, pending);
    }
    try {
      const status = await pending;
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(tenantId, { status, at: this.now() });
      return status;
    } catch (error) {
      if (cached && this.now() - cached.at < this.staleMs) return cached.status;
      throw error;
    }
  }
}
