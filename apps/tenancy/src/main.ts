import { loadServiceConfig, runServiceProcess } from '@redress/service-kit';
import { TENANCY_DEFAULT_PORT, tenancyService } from './tenancy.service';

void runServiceProcess(tenancyService, loadServiceConfig(TENANCY_DEFAULT_PORT));
