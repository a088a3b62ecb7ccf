import { ConfigError } from '@redress/config';
import { generateDataKey } from '@redress/personal-data';
import { loadServiceConfig } from '../service-config';

const env = {
  DATABASE_URL: 'postgres://complaints_app:pw@127.0.0.1:54329/redress',
  MIGRATIONS_DATABASE_URL: 'postgres://complaints_owner:pw@127.0.0.1:54329/redress',
  KAFKA_BROKERS: '127.0.0.1:19092',
  GATEWAY_SECRET: 's'.repeat(40),
  REDRESS_DATA_KEYS: generateDataKey('k1'),
};

describe('loadServiceConfig', () => {
  it('applies the service default port and the default namespace', () => {
    const config = loadServiceConfig(4001, env);
    expect(config).toMatchObject({ port: 4001, host: '127.0.0.1', eventsNamespace: 'redress', kafkaBrokers: ['127.0.0.1:19092'] });
  });

  it('names every missing setting and hides secrets', () => {
    let error: ConfigError | undefined;
    try {
      loadServiceConfig(4001, { GATEWAY_SECRET: 'too-short-secret', REDRESS_DATA_KEYS: 'k1:c2VjcmV0LWJ1dC1zaG9ydA==' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.problems.map((p) => p.split(':')[0])).toEqual(['DATABASE_URL', 'MIGRATIONS_DATABASE_URL', 'KAFKA_BROKERS', 'GATEWAY_SECRET', 'REDRESS_DATA_KEYS']);
    expect(error?.message).not.toContain('too-short-secret');
    expect(error?.message).not.toContain('c2VjcmV0LWJ1dC1zaG9ydA');
  });
});
