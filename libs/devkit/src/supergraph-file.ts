import { readFileSync, writeFileSync } from 'node:fs';
import { composeSupergraph } from '@redress/graphql-kit';
import { schemaFileOf, SUBGRAPHS, SUPERGRAPH_FILE } from './catalog';

/** Composes the supergraph from the subgraphs' schema files, with the default local URLs. */
export function composeFromSchemaFiles(): string {
  return composeSupergraph(
    SUBGRAPHS.map((s) => ({ name: s.name, url: `http://127.0.0.1:${s.port}/graphql`, sdl: readFileSync(schemaFileOf(s.name), 'utf8') })),
  );
}

export function writeSupergraphFile(): string {
  const sdl = composeFromSchemaFiles();
  writeFileSync(SUPERGRAPH_FILE, sdl);
  return SUPERGRAPH_FILE;
}

export function committedSupergraph(): string {
  return readFileSync(SUPERGRAPH_FILE, 'utf8');
}
