export * from './catalog';
export * from './supergraph-file';
export * from './provision';
export * from './launcher';
export * from './testing/environment';
export * from './testing/graphql-client';
export * from './testing/platform-under-test';
export * from './testing/service-under-test';
