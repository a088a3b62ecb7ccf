export * from './service-config';
export * from './service';
