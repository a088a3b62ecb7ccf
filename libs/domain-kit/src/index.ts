export * from './domain-error';
export * from './money';
export * from './text';
export * from './ids';
