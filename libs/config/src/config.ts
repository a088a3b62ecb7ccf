import { z } from 'zod';

/** One setting read from the environment: what it is for, how it is checked, whether it is secret. */
export interface Setting<T> {
  env: string;
  description: string;
  schema: z.ZodType<T, z.ZodTypeDef, unknown>;
  /** Secrets are never echoed back, not even in a validation error. */
  secret?: boolean;
}

export type ConfigSpec = Record<string, Setting<unknown>>;
export type ConfigOf<S extends ConfigSpec> = { [K in keyof S]: S[K] extends Setting<infer T> ? T : never };

export function setting<T>(spec: Setting<T>): Setting<T> {
  return spec;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates every setting at once, so a bad deploy reports all its problems in one go. */
export function loadConfig<S extends ConfigSpec>(spec: S, env: NodeJS.ProcessEnv = process.env): ConfigOf<S> {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(spec)) {
    const raw = env[item.env];
    const parsed = item.schema.safeParse(raw === '' ? undefined : raw);
    if (parsed.success) {
      values[key] = parsed.data;
      continue;
    }
    const shown = item.secret || raw === undefined ? '' : ` (got "${raw}")`;
    const reason = parsed.error.issues.map((i) => i.message).join('; ');
    problems.push(`${item.env}${shown}: ${reason}. ${item.description}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return values as ConfigOf<S>;
}

/** A Markdown table of the settings, for the README and `--help`. */
export function describeConfig(spec: ConfigSpec): string {
  const rows = Object.values(spec).map(
    (s) => `| \`${s.env}\` | ${s.description}${s.secret ? ' **(secret)**' : ''} |`,
  );
  return ['| variable | meaning |', '| --- | --- |', ...rows].join('\n');
}

/** Common schemas, so every service reads ports, URLs and flags the same way. */
export const schemas = {
  port: (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback),
  url: () => z.string().url(),
  brokers: () =>
    z
      .string()
      .min(1)
      .transform((s) => s.split(',').map((b) => b.trim()).filter(Boolean)),
  secret: (minLength = 32) => z.string().min(minLength, `must be at least ${minLength} characters`),
  flag: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0'])
      .default(fallback ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1'),
  namespace: () =>
    z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,40}$/, 'lower-case letters, digits and dashes')
      .default('redress'),
};
