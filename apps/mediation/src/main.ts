import { loadServiceConfig, runServiceProcess } from '@redress/service-kit';
import { MEDIATION_DEFAULT_PORT, mediationService } from './mediation.service';

void runServiceProcess(mediationService, loadServiceConfig(MEDIATION_DEFAULT_PORT));
