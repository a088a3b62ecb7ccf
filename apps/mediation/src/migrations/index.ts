import { CreateMediationOutbox1764028800000 } from './1764028800000-create-mediation-outbox';
import { CreateMediationCases1764460800000 } from './1764460800000-create-mediation-cases';

/** Every migration of the mediation schema, oldest first. */
export const mediationMigrations = [CreateMediationOutbox1764028800000, CreateMediationCases1764460800000];
