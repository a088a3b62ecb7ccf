import { CreateNotices1764028800000 } from './1764028800000-create-notices';
import { DeliveryTemplatesPreferences1764460800000 } from './1764460800000-delivery-templates-preferences';

/** Every migration of the notifications schema, oldest first. */
export const notificationsMigrations = [CreateNotices1764028800000, DeliveryTemplatesPreferences1764460800000];
