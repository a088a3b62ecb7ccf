import path from 'node:path';

/** The platform's processes: where their code and schema are, and their default ports. */
export interface SubgraphEntry {
  name: 'complaints' | 'refunds' | 'mediation' | 'appeals' | 'notifications' | 'tenancy';
  port: number;
  /** The service's PostgreSQL schema, owned by `<schema>_owner`, used by `<schema>_app`. */
  schema: string;
}

export const SUBGRAPHS: SubgraphEntry[] = [
  { name: 'complaints', port: 4001, schema: 'complaints' },
  { name: 'refunds', port: 4002, schema: 'refunds' },
  { name: 'mediation', port: 4003, schema: 'mediation' },
  { name: 'appeals', port: 4004, schema: 'appeals' },
  { name: 'notifications', port: 4005, schema: 'notifications' },
  { name: 'tenancy', port: 4006, schema: 'tenancy' },
];

export const GATEWAY_PORT = 4000;

export const WORKSPACE_ROOT = path.resolve(__dirname, '../../..');

export function schemaFileOf(name: string): string {
  return path.join(WORKSPACE_ROOT, 'apps', name, 'src', 'schema.graphql');
}

export const SUPERGRAPH_FILE = path.join(WORKSPACE_ROOT, 'apps', 'gateway', 'src', 'supergraph.graphql');

export function mainOf(name: string): string {
  return path.join(WORKSPACE_ROOT, 'dist', 'apps', name, 'main.cjs');
}
