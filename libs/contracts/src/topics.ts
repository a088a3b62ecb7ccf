/**
 * Logical topics. Each deployment (and each test run) prefixes them with its namespace, so a
 * test run on the same broker never crosses a running platform's traffic.
 */
export const TOPICS = {
  complaintEvents: 'complaints.events',
  refundEvents: 'refunds.events',
  mediationEvents: 'mediation.events',
  appealEvents: 'appeals.events',
  notificationEvents: 'notifications.events',
  tenantEvents: 'tenants.events',
} as const;

export type LogicalTopic = (typeof TOPICS)[keyof typeof TOPICS];

export function topicName(namespace: string, logical: string): string {
  return `${namespace}.${logical}`;
}

/** The dead-letter topic of one consumer group: messages it can never process. */
export function deadLetterTopic(namespace: string, consumerGroup: string): string {
  return `${namespace}.dlt.${consumerGroup}`;
}

export function consumerGroupName(namespace: string, service: string): string {
  return `${namespace}.${service}`;
}

/** Every topic the platform uses; created at start, never by broker auto-create. */
export function platformTopics(namespace: string, consumerGroups: string[]): string[] {
  return [
    ...Object.values(TOPICS).map((t) => topicName(namespace, t)),
    ...consumerGroups.map((g) => deadLetterTopic(namespace, g)),
  ];
}
