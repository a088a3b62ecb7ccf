import { ConfigError, describeConfig, loadConfig, schemas, setting } from '../config';

const spec = {
  port: setting({ env: 'PORT', description: 'HTTP port.', schema: schemas.port(4001) }),
  secret: setting({ env: 'SECRET', description: 'Shared secret.', schema: schemas.secret(8), secret: true }),
  brokers: setting({ env: 'BROKERS', description: 'Kafka brokers.', schema: schemas.brokers() }),
};

describe('loadConfig', () => {
  it('parses, coerces and applies defaults', () => {
    const config = loadConfig(spec, { SECRET: 'abcdefgh', BROKERS: '127.0.0.1:1, 127.0.0.1:2' });
    expect(config).toEqual({ port: 4001, secret: 'abcdefgh', brokers: ['127.0.0.1:1', '127.0.0.1:2'] });
  });

  it('reports every problem at once and never echoes a secret', () => {
    let error: unknown;
    try {
      loadConfig(spec, { PORT: '70000', SECRET: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain('PORT (got "70000")');
    expect(problems.join('\n')).not.toContain('short');
  });

  it('documents secrets as secret', () => {
    expect(describeConfig(spec)).toContain('| `SECRET` | Shared secret. **(secret)** |');
  });
});
