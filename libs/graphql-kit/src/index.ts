export * from './errors';
export * from './request-context';
export * from './pagination';
export * from './scalars';
export * from './http-server';
export * from './subgraph-server';
export * from './supergraph';
export * from './schema-documentation';
