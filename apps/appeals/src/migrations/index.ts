import { CreateAppealsOutbox1764028800000 } from './1764028800000-create-appeals-outbox';

/** Every migration of the appeals schema, oldest first. */
export const appealsMigrations = [CreateAppealsOutbox1764028800000];
