export * from './refund-rejected.event';
export * from './refund-lifecycle.events';
