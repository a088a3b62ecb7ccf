import { loadServiceConfig, runServiceProcess } from '@redress/service-kit';
import { APPEALS_DEFAULT_PORT, appealsService } from './appeals.service';

void runServiceProcess(appealsService, loadServiceConfig(APPEALS_DEFAULT_PORT));
