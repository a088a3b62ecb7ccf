export * from './mediation-concluded.event';
export * from './mediation-refund-agreed.event';
export * from './mediation-case.events';
