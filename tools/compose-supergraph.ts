/**
 * Composes apps/gateway/src/supergraph.graphql from the subgraphs' schema files.
 * Run after changing any schema: `npm run compose`. A test fails while the file is stale.
 */
import { writeSupergraphFile } from '@redress/devkit';

try {
  console.log(`supergraph written to ${writeSupergraphFile()}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
