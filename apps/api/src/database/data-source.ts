import { DataSource } from 'typeorm';
import { APP_ROLE_STARTUP_OPTIONS } from './app-role';
import { entities } from './entities';
import { migrations } from './migrations';
import { PreparingClient } from './preparing-client';
import { pgTypes } from './timestamps';

/**
 * `app`: the request pool, logged in as the app's login role and running as the app role, so
 * row-level security applies, its statements prepared once per connection and pipelined. `admin`:
 * the database owner as is, for migrations only.
 */
export function createDataSource(url: string, as: 'app' | 'admin', poolSize = 10): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: false,
    extra: {
      max: poolSize,
      connectionTimeoutMillis: 5_000,
      types: pgTypes,
      // Pipelined: statements asked for at once on one connection (a query's loaders sharing its
      // transaction) are written without waiting for the answers before them.
      ...(as === 'app' ? { options: APP_ROLE_STARTUP_OPTIONS, Client: PreparingClient, pipeline: true } : {}),
    },
  });
}
