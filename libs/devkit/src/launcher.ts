import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GATEWAY_PORT, mainOf, SUBGRAPHS } from './catalog';
import { gatewayIdentityEnv, TEST_IDENTITY, type PlatformIdentity } from './identity';
import type { ServiceDatabaseUrls } from './provision';

export interface LaunchOptions {
  databaseUrls: Map<string, ServiceDatabaseUrls>;
  kafkaBrokers: string;
  eventsNamespace: string;
  gatewaySecret: string;
  /** The personal-data keyring (`REDRESS_DATA_KEYS`) every service gets. */
  dataKeys: string;
  /** Added to every default port, so a test run can sit beside a running platform. */
  portOffset: number;
  logDir: string;
  logLevel?: string;
  /** Further settings for every process (e.g. a faster clock scan in tests). */
  extraEnv?: Record<string, string>;
  /** The keys the gateway trusts and signs with (default: the test identity). */
  identity?: PlatformIdentity;
  /** Further settings for the gateway only (rate limits, whether tenants must be registered). */
  gatewayEnv?: Record<string, string>;
}

interface Managed {
  name: string;
  port: number;
  /** The built bundle to run (several gateways run one bundle). */
  main: string;
  env: NodeJS.ProcessEnv;
  child: ChildProcess | null;
}

/** Runs the built services and the gateway as child processes, as they run in production. */
export class PlatformProcesses {
  private readonly managed = new Map<string, Managed>();

  constructor(private readonly options: LaunchOptions) {
    mkdirSync(options.logDir, { recursive: true });
    const base: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'],
      NODE_ENV: 'development',
      LOG_LEVEL: options.logLevel ?? 'info',
      KAFKA_BROKERS: options.kafkaBrokers,
      EVENTS_NAMESPACE: options.eventsNamespace,
      GATEWAY_SECRET: options.gatewaySecret,
      REDRESS_DATA_KEYS: options.dataKeys,
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      ...options.extraEnv,
    };
    for (const s of SUBGRAPHS) {
      const urls = options.databaseUrls.get(s.name);
      if (!urls) throw new Error(`No database URLs for ${s.name}`);
      const port = s.port + options.portOffset;
      this.managed.set(s.name, {
        name: s.name,
        port,
        main: mainOf(s.name),
        child: null,
        env: { ...base, PORT: String(port), DATABASE_URL: urls.databaseUrl, MIGRATIONS_DATABASE_URL: urls.migrationsDatabaseUrl },
      });
    }
    this.gatewayBaseEnv = {
      ...base,
      ...gatewayIdentityEnv(options.identity ?? TEST_IDENTITY),
      SUBGRAPH_URLS: SUBGRAPHS.map((s) => `${s.name}=http://127.0.0.1:${s.port + options.portOffset}/graphql`).join(','),
      ...options.gatewayEnv,
    };
    this.addGateway('gateway', GATEWAY_PORT + options.portOffset);
  }

  private readonly gatewayBaseEnv: NodeJS.ProcessEnv;

  /**
   * Registers a further gateway process in front of the same subgraphs, with its own settings
   * (e.g. NODE_ENV=production or a tiny rate limit in a focused test). Start it with `start(name)`.
   */
  addGateway(name: string, port: number, env: Record<string, string> = {}): void {
    if (this.managed.has(name) && name !== 'gateway') throw new Error(`Process ${name} exists already`);
    this.managed.set(name, { name, port, child: null, main: mainOf('gateway'), env: { ...this.gatewayBaseEnv, PORT: String(port), ...env } });
  }

  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.managed.get('gateway')!.port}/graphql`;
  }

  urlOf(name: string): string {
    return `http://127.0.0.1:${this.port(name)}/graphql`;
  }

  port(name: string): number {
    const entry = this.managed.get(name);
    if (!entry) throw new Error(`Unknown process ${name}`);
    return entry.port;
  }

  logFile(name: string): string {
    return path.join(this.options.logDir, `${name}.log`);
  }

  /** Starts every subgraph, then the gateway, each once it is ready. */
  async startAll(): Promise<void> {
    await Promise.all(SUBGRAPHS.map((s) => this.start(s.name)));
    await this.start('gateway');
  }

  async start(name: string, timeoutMs = 90_000): Promise<void> {
    const entry = this.managed.get(name)!;
    if (entry.child && entry.child.exitCode === null) return;
    const main = entry.main;
    if (!existsSync(main)) throw new Error(`${main} is missing: build first (npx nx run-many -t build)`);
    const log = createWriteStream(this.logFile(name), { flags: 'a' });
    const child = spawn(process.execPath, ['--enable-source-maps', main], { env: entry.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    entry.child = child;
    await this.waitReady(entry, timeoutMs);
  }

  async stop(name: string): Promise<void> {
    const entry = this.managed.get(name)!;
    const child = entry.child;
    entry.child = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }

  /** Stops the gateway first, so no request reaches a subgraph that is going away. */
  async stopAll(): Promise<void> {
    const subgraphs = new Set<string>(SUBGRAPHS.map((s) => s.name));
    await Promise.all([...this.managed.keys()].filter((n) => !subgraphs.has(n)).map((n) => this.stop(n)));
    await Promise.all(SUBGRAPHS.map((s) => this.stop(s.name)));
  }

  private async waitReady(entry: Managed, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const url = `http://127.0.0.1:${entry.port}/health/ready`;
    let last = 'no answer';
    while (Date.now() < deadline) {
      if (entry.child?.exitCode !== null) {
        throw new Error(`${entry.name} exited with code ${entry.child?.exitCode} during start:\n${this.tail(entry.name)}`);
      }
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
        if (response.ok) return;
        last = `${response.status} ${await response.text()}`;
      } catch (error) {
        last = error instanceof Error ? error.message : String(error);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`${entry.name} was not ready within ${timeoutMs} ms (last: ${last}):\n${this.tail(entry.name)}`);
  }

  private tail(name: string): string {
    try {
      return readFileSync(this.logFile(name), 'utf8').split('\n').slice(-30).join('\n');
    } catch {
      return '(no log)';
    }
  }
}
