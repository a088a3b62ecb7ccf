import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { GATEWAY_PORT, PlatformProcesses, provisionPlatformDatabase, SUBGRAPHS, TEST_DATA_KEYS, TEST_GATEWAY_ENV, WORKSPACE_ROOT } from '@redress/devkit';

export const BENCH_DATABASE = 'redress_bench';
/** Dev platform uses offset 0 and the tests 100: the benchmark can run beside both. */
export const BENCH_PORT_OFFSET = 200;

/** Fails if something already listens there: a readiness probe would otherwise succeed against it. */
function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(`port ${port} is taken (${error.code}); is another benchmark still running? (pgrep -af main.cjs)`)),
    );
    server.listen({ host: '127.0.0.1', port }, () => server.close(() => resolve()));
  });
}

/**
 * The built platform as production runs it (one process per service plus the gateway), on its own
 * database, ports and topic namespace. Like startPlatformUnderTest, but on `redress_bench`; not yet
 * started, so the caller can register it for clean-up before a start that may fail half way.
 */
export async function prepareBenchPlatform(adminUrl: string, kafkaBrokers: string, namespace: string): Promise<PlatformProcesses> {
  for (const port of [GATEWAY_PORT, ...SUBGRAPHS.map((s) => s.port)]) await assertPortFree(port + BENCH_PORT_OFFSET);
  const databaseUrls = await provisionPlatformDatabase(adminUrl, BENCH_DATABASE);
  return new PlatformProcesses({
    databaseUrls,
    kafkaBrokers,
    eventsNamespace: namespace,
    gatewaySecret: randomBytes(32).toString('base64url'),
    dataKeys: TEST_DATA_KEYS,
    portOffset: BENCH_PORT_OFFSET,
    logDir: path.join(WORKSPACE_ROOT, 'tmp', 'bench', 'logs', namespace),
    logLevel: 'info',
    // Bench tenants are made up per run, and the load would trip a production rate limit.
    gatewayEnv: TEST_GATEWAY_ENV,
  });
}
