import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { urlForDatabase } from '@redress/database';
import { WORKSPACE_ROOT } from '../catalog';

const run = promisify(execFile);

export interface TestInfrastructure {
  /** Administrator URL of the server; tests get a database of their own on it. */
  adminUrl: string;
  kafkaBrokers: string;
}

/**
 * The real PostgreSQL and Kafka the suite runs against. A test that needs them and finds them
 * missing fails with this message; it never skips.
 */
export function testInfrastructure(): TestInfrastructure {
  const adminUrl = process.env['DATABASE_URL'];
  const kafkaBrokers = process.env['KAFKA_BROKERS'];
  if (!adminUrl || !kafkaBrokers) {
    throw new Error(
      'Integration tests need the real PostgreSQL and Kafka. Run them with `bash scripts/test.sh` (which starts both), ' +
        'or start them with `eval "$(bash scripts/infra/infra.sh start)"` first so DATABASE_URL and KAFKA_BROKERS are set.',
    );
  }
  return { adminUrl, kafkaBrokers };
}

/**
 * The personal-data keyring of test runs: fixed, so rows sealed by an earlier run of the same test
 * database still open, and known to tests that check what was sealed. Never used outside tests.
 */
export const TEST_DATA_KEYS = `test-1:${createHash('sha256').update('redress test data key: tests only').digest('base64')}`;

/** A namespace of topics and consumer groups of one's own, so runs never see each other's events. */
export function uniqueNamespace(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** Runs SQL as the administrator on the test database (bypassing RLS: this is the test's view of the truth). */
export async function adminQuery<T = Record<string, unknown>>(adminUrl: string, database: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: urlForDatabase(adminUrl, database) });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Stops or starts the local PostgreSQL or Kafka through the infrastructure script, as an operator would. */
export async function localInfrastructure(component: 'kafka' | 'postgres', action: 'stop' | 'start'): Promise<void> {
  const script = path.join(WORKSPACE_ROOT, 'scripts', 'infra', 'infra.sh');
  try {
    await run('bash', [script, action, component], { timeout: 180_000, env: process.env });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(
      `Could not ${action} the local ${component} (this test needs it managed by scripts/infra, not external): ${e.stderr || e.message}`,
    );
  }
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
}
