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
  ])('stops with one clear line for %p', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
