import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { WORKSPACE_ROOT } from '@redress/devkit';

export interface MachineInfo {
  cpus: number;
  totalMemoryGiB: number;
  cpuModel: string;
  node: string;
  kafka: string;
  postgres: string;
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    return line?.split(':')[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  } catch {
    return os.cpus()[0]?.model ?? 'unknown';
  }
}

/** The broker's version as the infrastructure script reports it (kafkajs cannot ask the broker). */
function kafkaVersion(): string {
  try {
    const out = execFileSync('bash', [path.join(WORKSPACE_ROOT, 'scripts', 'infra', 'infra.sh'), 'status', 'kafka'], {
      encoding: 'utf8',
      timeout: 15_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return /version ([0-9][^\s,)]*)/.exec(out)?.[1] ?? 'unknown (not managed by scripts/infra)';
  } catch {
    return 'unknown (scripts/infra status failed)';
  }
}

export async function machineInfo(adminUrl: string): Promise<MachineInfo> {
  const client = new Client({ connectionString: adminUrl, application_name: 'redress-bench' });
  await client.connect();
  let postgres: string;
  try {
    postgres = (await client.query<{ version: string }>('SELECT version()')).rows[0]!.version;
  } finally {
    await client.end();
  }
  return {
    // nproc counts the CPUs this process may use, which is what the platform competes for.
    cpus: os.availableParallelism(),
    totalMemoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    cpuModel: cpuModel(),
    node: process.version,
    kafka: kafkaVersion(),
    postgres,
  };
}
