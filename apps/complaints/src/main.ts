import { loadServiceConfig, runServiceProcess } from '@redress/service-kit';
import { COMPLAINTS_DEFAULT_PORT, complaintsService } from './complaints.service';

void runServiceProcess(complaintsService, loadServiceConfig(COMPLAINTS_DEFAULT_PORT));
