export * from './refund-rejected.event';
