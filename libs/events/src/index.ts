export * from './outbox/outbox.sql';
export * from './outbox/outbox-writer';
export * from './outbox/outbox-relay';
export * from './kafka/event-transport';
export * from './kafka/kafka-client';
export * from './consumer/event-consumer';
