import { CreateComplaints1764028800000 } from './1764028800000-create-complaints';
import { ComplaintLifecycle1764115200000 } from './1764115200000-complaint-lifecycle';
import { ComplaintResolution1764201600000 } from './1764201600000-complaint-resolution';
import { ClockAlerts1764288000000 } from './1764288000000-clock-alerts';
import { WorklistIndex1764374400000 } from './1764374400000-worklist-index';
import { ComplaintCaseFile1764460800000 } from './1764460800000-complaint-case-file';

/** Every migration of the complaints schema, oldest first. */
export const complaintsMigrations = [
  CreateComplaints1764028800000,
  ComplaintLifecycle1764115200000,
  ComplaintResolution1764201600000,
  ClockAlerts1764288000000,
  WorklistIndex1764374400000,
  ComplaintCaseFile1764460800000,
];
