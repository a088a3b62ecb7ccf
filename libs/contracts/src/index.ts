export * from './envelope';
export * from './topics';
export * from './shared/common';
export * from './complaints';
export * from './refunds';
export * from './mediation';
export * from './appeals';
export * from './tenants';
