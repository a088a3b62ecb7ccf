export * from './appeal-decided.events';
export * from './external-routes';
export * from './appeal-steps.events';
export * from './escalation.events';
export * from './related-matter.events';
