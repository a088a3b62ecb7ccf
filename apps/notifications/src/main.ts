import { loadServiceConfig, runServiceProcess } from '@redress/service-kit';
import { NOTIFICATIONS_DEFAULT_PORT, notificationsService } from './notifications.service';

void runServiceProcess(notificationsService, loadServiceConfig(NOTIFICATIONS_DEFAULT_PORT));
