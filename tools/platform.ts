/**
 * Starts the whole platform on this machine: provisions the database, runs every service and
 * the gateway (migrations apply at service start), seeds the demo tenants, and says where the
 * graph is. Infrastructure and builds are done by scripts/platform.sh before this runs.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateDataKey } from '@redress/personal-data';
import {
  bearer,
  DEMO_COMPLAINTS,
  DEMO_TENANTS,
  devToken,
  graphqlRequest,
  PlatformProcesses,
  provisionPlatformDatabase,
  WORKSPACE_ROOT,
} from '@redress/devkit';

const FILE = 'mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { reference } } }';

async function seedDemo(gatewayUrl: string): Promise<void> {
  for (const [index, tenant] of DEMO_TENANTS.entries()) {
    const auth = bearer(devToken(tenant.id, tenant.actorId));
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
  const processes = new PlatformProcesses({
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
  await seedDemo(processes.gatewayUrl);

  const [demo] = DEMO_TENANTS;
  console.log(`
Redress is running.

  The graph:      ${processes.gatewayUrl}
  Service logs:   ${path.join(WORKSPACE_ROOT, '.redress', 'logs')}

Try it (demo tenant ${demo.name}; development token until signed identity lands):

  curl -s ${processes.gatewayUrl} -H 'content-type: application/json' \\
    -H 'authorization: Bearer ${devToken(demo.id, demo.actorId)}' \\
    -d '{"query":"{ complaints(first: 5) { edges { node { reference productName status notifications { edges { node { subject } } } } } } }"}'

Press Ctrl-C to stop the services (PostgreSQL and Kafka keep running: bash scripts/infra/infra.sh stop).
`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
