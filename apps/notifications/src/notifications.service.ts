import { TOPICS } from '@redress/contracts';
import type { ServiceDefinition } from '@redress/service-kit';
import typeDefs from './schema.graphql';
import { onComplaintFiled } from './notice/handlers/on-complaint-filed.handler';
import { onComplaintStatusChanged } from './notice/handlers/on-complaint-status-changed.handler';
import { NoticeEntity } from './notice/infrastructure/notice.entity';
import { noticeResolvers } from './notice/resolvers/notice.resolver';
import { createNotificationsContext, type NotificationsContext } from './notifications.context';
import { notificationsMigrations } from './migrations';

export const NOTIFICATIONS_DEFAULT_PORT = 4005;

export const notificationsService: ServiceDefinition<NotificationsContext> = {
  name: 'notifications',
  schema: 'notifications',
  typeDefs,
  entities: [NoticeEntity],
  migrations: notificationsMigrations,
  resolvers: noticeResolvers,
  context: createNotificationsContext,
  consumes: {
    topics: [TOPICS.complaintEvents],
    handlers: () => [onComplaintFiled as never, onComplaintStatusChanged as never],
  },
};
