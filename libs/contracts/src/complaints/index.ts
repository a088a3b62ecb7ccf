export * from './complaint-channel';
export * from './complaint-filed.event';
export * from './complaint-status-changed.event';
export * from './complaint-clock-alert.event';
export * from './complaint-decision.events';
export * from './complainant-contact.event';
