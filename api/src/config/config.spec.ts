import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('runs on embedded defaults with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', seedDemo: true, database: { kind: 'sqlite' } });
    expect(config.database.kind === 'sqlite' && config.database.file).toMatch(/data[\\/]jianyan\.sqlite$/);
  });

  it('switches to PostgreSQL with DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/jianyan' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u:p@db:5432/jianyan',
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ SEED_DEMO: 'yes' }, 'SEED_DEMO'],
    [{ SESSION_SECRET: 'too-short' }, 'SESSION_SECRET'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ NODE_ENV: 'production' }, 'SESSION_SECRET'],
    [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY'],
    [{ RATE_LIMIT_PER_MINUTE: '-1' }, 'RATE_LIMIT_PER_MINUTE'],
    [{ SESSION_IDLE_TIMEOUT: '8' }, 'SESSION_IDLE_TIMEOUT'],
    [{ SESSION_IDLE_TIMEOUT: '0s' }, 'SESSION_IDLE_TIMEOUT'],
    [{ SESSION_IDLE_TIMEOUT: '91d' }, 'SESSION_IDLE_TIMEOUT'],
    [{ LOGIN_MAX_FAILURES: '8', LOGIN_ACCOUNT_MAX_FAILURES: '6' }, 'LOGIN_ACCOUNT_MAX_FAILURES'],
  ])('refuses %p naming %s', (env, variable) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toContain(variable);
  });

  it('reads TRUST_PROXY as a switch or as the number of proxies in front', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
  });

  it('reads SESSION_IDLE_TIMEOUT in seconds, minutes or hours, 8 hours by default', () => {
    expect(loadConfig({}).sessionIdleTimeoutMs).toBe(8 * 3_600_000);
    expect(loadConfig({ SESSION_IDLE_TIMEOUT: '30m' }).sessionIdleTimeoutMs).toBe(30 * 60_000);
    expect(loadConfig({ SESSION_IDLE_TIMEOUT: '45s' }).sessionIdleTimeoutMs).toBe(45_000);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });
});
