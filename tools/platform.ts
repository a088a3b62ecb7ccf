/**
 * Starts the whole platform on this machine: provisions the database, runs every service and
 * the gateway (migrations apply at service start), seeds the demo tenants, and says where the
 * graph is. Infrastructure and builds are done by scripts/platform.sh before this runs.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PLATFORM_TENANT_ID } from '@redress/access';
import { generateDataKey } from '@redress/personal-data';
import {
  bearer,
  DEMO_COMPLAINTS,
  DEMO_TENANTS,
  graphqlRequest,
  localIdentity,
  PlatformProcesses,
  provisionPlatformDatabase,
  signStaffToken,
  WORKSPACE_ROOT,
  type PlatformIdentity,
} from '@redress/devkit';
import { findTenant, onboardTenant } from './tenant/tenant-admin';

const FILE = 'mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { reference } } }';

/**
 * Onboards the demo lenders through the tenancy service, as a platform administrator would (once:
 * a restart finds them onboarded already).
 */
async function onboardDemoTenants(gatewayUrl: string, identity: PlatformIdentity): Promise<void> {
  const admin = signStaffToken(identity, { tenantId: PLATFORM_TENANT_ID, actorId: 'ops:platform-script', roles: ['platform_admin'] }, { expiresInSeconds: 300 });
  for (const tenant of DEMO_TENANTS) {
    if (await findTenant(gatewayUrl, admin, tenant.id)) continue;
    const { id, actorId: _actorId, ...settings } = tenant;
    await onboardTenant(gatewayUrl, admin, { tenantId: id, ...settings });
    console.log(`Onboarded demo tenant ${tenant.name} (${tenant.code}).`);
  }
}

async function seedDemo(gatewayUrl: string, identity: PlatformIdentity): Promise<void> {
  for (const [index, tenant] of DEMO_TENANTS.entries()) {
    const auth = bearer(signStaffToken(identity, { tenantId: tenant.id, actorId: tenant.actorId, roles: ['partner_app'] }, { expiresInSeconds: 300 }));
    const existing = await graphqlRequest<{ complaints: { edges: unknown[] } }>(gatewayUrl, '{ complaints(first: 1) { edges { cursor } } }', {}, auth);
    if (existing.data?.complaints.edges.length) continue;
    for (const complaint of DEMO_COMPLAINTS.filter((c) => c.tenant === index)) {
      const result = await graphqlRequest(gatewayUrl, FILE, { input: complaint.input }, auth);
      if (result.errors) throw new Error(`Seeding ${tenant.name} failed: ${JSON.stringify(result.errors)}`);
    }
  }
}

/**
 * The local platform's personal-data keyring: made once and kept in .redress/ (git-ignored), so the
 * demo data stays readable across restarts. Production sets REDRESS_DATA_KEYS from its secret store.
 */
function localDataKeys(): string {
  const file = path.join(WORKSPACE_ROOT, '.redress', 'data-keys');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, generateDataKey(`local-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}`), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

async function main(): Promise<void> {
  const adminUrl = process.env['DATABASE_URL'];
  const kafkaBrokers = process.env['KAFKA_BROKERS'];
  if (!adminUrl || !kafkaBrokers) throw new Error('DATABASE_URL and KAFKA_BROKERS must be set (scripts/platform.sh sets them).');
  const database = process.env['REDRESS_DATABASE'] ?? 'redress';
  const identity = localIdentity(path.join(WORKSPACE_ROOT, '.redress'));
  const processes = new PlatformProcesses({
    identity,
    // Every demo lender is onboarded, so a token for an unknown tenant is refused, as in production.
    gatewayEnv: { REQUIRE_REGISTERED_TENANT: 'true' },
    databaseUrls: await provisionPlatformDatabase(adminUrl, database),
    kafkaBrokers,
    eventsNamespace: process.env['EVENTS_NAMESPACE'] ?? 'redress',
    gatewaySecret: process.env['GATEWAY_SECRET'] ?? randomBytes(32).toString('base64url'),
    dataKeys: process.env['REDRESS_DATA_KEYS'] ?? localDataKeys(),
    portOffset: Number(process.env['REDRESS_PORT_OFFSET'] ?? 0),
    logDir: path.join(WORKSPACE_ROOT, '.redress', 'logs'),
  });
  const stop = async () => {
    console.log('\nStopping the services…');
    await processes.stopAll();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

  await processes.startAll();
  await onboardDemoTenants(processes.gatewayUrl, identity);
  await seedDemo(processes.gatewayUrl, identity);

  const [demo] = DEMO_TENANTS;
  console.log(`
Redress is running.

  The graph:      ${processes.gatewayUrl}
  Service logs:   ${path.join(WORKSPACE_ROOT, '.redress', 'logs')}

Try it as a handler of the demo tenant ${demo.name} (a staff token signed with the local key in
.redress/identity/, valid for 8 hours; docs/identity.md explains tokens and client credentials):

  curl -s ${processes.gatewayUrl} -H 'content-type: application/json' \\
    -H 'authorization: Bearer ${signStaffToken(identity, { tenantId: demo.id, actorId: 'handler:zhou-min', roles: ['handler'] })}' \\
    -d '{"query":"{ complaints(first: 5) { edges { node { reference productName status notifications { edges { node { subject } } } } } } }"}'

Onboard another lender: npm run tenant -- onboard --gateway ${processes.gatewayUrl} --name … (see docs/identity.md)

Press Ctrl-C to stop the services (PostgreSQL and Kafka keep running: bash scripts/infra/infra.sh stop).
`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
