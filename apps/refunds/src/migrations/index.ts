import { CreateRefundsOutbox1764028800000 } from './1764028800000-create-refunds-outbox';

/** Every migration of the refunds schema, oldest first. */
export const refundsMigrations = [CreateRefundsOutbox1764028800000];
