export * from './mediation-concluded.event';
