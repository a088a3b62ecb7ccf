export * from './envelope';
export * from './topics';
export * from './complaints/complaint-channel';
export * from './complaints/complaint-filed.event';
export * from './complaints/complaint-status-changed.event';
export * from './complaints/complaint-clock-alert.event';
