export * from './service-config';
export * from './service';
export * from './due-alert-scheduler';
