import { CreateNotices1764028800000 } from './1764028800000-create-notices';

/** Every migration of the notifications schema, oldest first. */
export const notificationsMigrations = [CreateNotices1764028800000];
