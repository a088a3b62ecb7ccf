import { loadServiceConfig, runServiceProcess } from '@redress/service-kit';
import { REFUNDS_DEFAULT_PORT, refundsService } from './refunds.service';

void runServiceProcess(refundsService, loadServiceConfig(REFUNDS_DEFAULT_PORT));
