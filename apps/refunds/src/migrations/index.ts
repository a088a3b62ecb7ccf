import { CreateRefundsOutbox1764028800000 } from './1764028800000-create-refunds-outbox';
import { CreateRefunds1764460800000 } from './1764460800000-create-refunds';
import { RefundTimeline1764547200000 } from './1764547200000-refund-timeline';

/** Every migration of the refunds schema, oldest first. */
export const refundsMigrations = [CreateRefundsOutbox1764028800000, CreateRefunds1764460800000, RefundTimeline1764547200000];
