export * from './catalog';
export * from './supergraph-file';
export * from './provision';
export * from './launcher';
