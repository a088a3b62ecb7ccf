import { createLogger } from '@redress/logger';
import { loadGatewayConfig } from './gateway.config';
import { startGateway } from './gateway';

async function main(): Promise<void> {
  const logger = createLogger('gateway');
  try {
    const running = await startGateway(loadGatewayConfig(), logger);
    const shutdown = async (signal: string) => {
      logger.info({ signal }, 'stopping');
      await running.stop();
      process.exit(0);
    };
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    process.once('SIGINT', () => void shutdown('SIGINT'));
  } catch (error) {
    logger.fatal({ err: error }, 'gateway failed to start');
    process.exit(1);
  }
}

void main();
