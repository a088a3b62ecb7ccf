import { CreateTenancy1764460800000 } from './1764460800000-create-tenancy';

/** Every migration of the tenancy schema, oldest first. */
export const tenancyMigrations = [CreateTenancy1764460800000];
