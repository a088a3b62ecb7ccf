import { CreateAppealsOutbox1764028800000 } from './1764028800000-create-appeals-outbox';
import { Appeals1764460800000 } from './1764460800000-appeals';

/** Every migration of the appeals schema, oldest first. */
export const appealsMigrations = [CreateAppealsOutbox1764028800000, Appeals1764460800000];
