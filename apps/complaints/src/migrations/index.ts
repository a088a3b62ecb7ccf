import { CreateComplaints1764028800000 } from './1764028800000-create-complaints';

/** Every migration of the complaints schema, oldest first. */
export const complaintsMigrations = [CreateComplaints1764028800000];
