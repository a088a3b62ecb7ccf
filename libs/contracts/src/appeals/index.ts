export * from './appeal-decided.events';
