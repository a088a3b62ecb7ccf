import { CreateMediationOutbox1764028800000 } from './1764028800000-create-mediation-outbox';

/** Every migration of the mediation schema, oldest first. */
export const mediationMigrations = [CreateMediationOutbox1764028800000];
