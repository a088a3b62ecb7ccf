export * from './tenant-policies';
export * from './tenant-onboarded.event';
