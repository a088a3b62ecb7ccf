import { composeServices } from '@apollo/composition';
import gql from 'graphql-tag';

export interface SubgraphSource {
  name: string;
  /** Default routing URL written into the supergraph; the gateway may override it from config. */
  url: string;
  sdl: string;
}

/** Composes the supergraph from the subgraphs' schema files (build time, never by introspection). */
export function composeSupergraph(subgraphs: SubgraphSource[]): string {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: gql(s.sdl) })));
  if (result.errors) {
    throw new Error(`Supergraph composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  return `${result.supergraphSdl.trim()}\n`;
}
