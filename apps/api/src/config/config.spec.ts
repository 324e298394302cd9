import { resolve } from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to port 3000, the embedded database in ./.rapport and a localhost public URL', () => {
    const config = loadConfig({ INIT_CWD: '/srv/rapport' });
    expect(config).toEqual({
      port: 3000,
      databaseUrl: undefined,
      dataDir: resolve('/srv/rapport', '.rapport'),
      publicUrl: 'http://localhost:3000',
      logLevel: 'info',
      production: false,
      healthCron: '*/15 * * * *',
    });
  });

  it.each([
    ['production', true],
    ['development', false],
    ['test', false],
  ])('reads NODE_ENV=%s as production: %p', (NODE_ENV, production) => {
    expect(loadConfig({ NODE_ENV }).production).toBe(production);
  });

  it('reads every variable and trims a trailing slash off PUBLIC_URL', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db:5432/rapport',
      RAPPORT_DATA_DIR: '/var/lib/rapport',
      PUBLIC_URL: 'https://cx.example.com/',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u:p@db:5432/rapport',
      dataDir: '/var/lib/rapport',
      publicUrl: 'https://cx.example.com',
      logLevel: 'warn',
    });
  });

  it.each([
    ['1', 1],
    ['2', 2],
    ['loopback', ['loopback']],
    ['10.0.0.0/8, 192.168.1.7,::1, fd00::/8', ['10.0.0.0/8', '192.168.1.7', '::1', 'fd00::/8']],
  ])('reads TRUST_PROXY=%p as %p', (TRUST_PROXY, trustProxy) => {
    expect(loadConfig({ TRUST_PROXY }).trustProxy).toEqual(trustProxy);
  });

  it('reads RAPPORT_HEALTH_CRON', () => {
    expect(loadConfig({ RAPPORT_HEALTH_CRON: ' * * * * * ' }).healthCron).toBe('* * * * *');
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a number'],
    [{ PORT: '70000' }, 'PORT must be 1..65535'],
    [{ PORT: '80.5' }, 'PORT must be a whole number'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a postgres:// URL'],
    [{ PUBLIC_URL: 'localhost:3000' }, 'PUBLIC_URL must be an absolute http(s) URL'],
    [{ PUBLIC_URL: 'ftp://host' }, 'PUBLIC_URL must be an absolute http(s) URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    [{ NODE_ENV: 'prod' }, 'NODE_ENV must be one of development, test, production'],
    // Trusting every hop would let any client name its own address, and so escape per-IP limits.
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY must be a number of proxies or a list of addresses'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY must be a number of proxies or a list of addresses'],
    [{ TRUST_PROXY: 'lb.internal' }, 'TRUST_PROXY must be a number of proxies or a list of addresses'],
    [{ TRUST_PROXY: '10.0.0.1,' }, 'TRUST_PROXY must be a number of proxies or a list of addresses'],
    [
      { RAPPORT_HEALTH_CRON: 'every 15 minutes' },
      'RAPPORT_HEALTH_CRON must be a cron expression of five fields',
    ],
    [
      { RAPPORT_HEALTH_CRON: '0 */15 * * * *' },
      'RAPPORT_HEALTH_CRON must be a cron expression of five fields',
    ],
  ])('stops with one clear line for %p', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
