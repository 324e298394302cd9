import { createHash, createHmac } from 'node:crypto';
import { Client } from 'pg';
import { APP_ROLE } from './app-role';

/**
 * The pool's own login role for one database: no superuser, no BYPASSRLS, owns nothing, can become
 * only the app role. Logging in as the schema owner and switching roles would leave `SET ROLE` (to the
 * owner) one injected statement away; a login that is merely a member of the app role has nowhere to go.
 *
 * One login per database (roles are cluster-wide; two deployments sharing a cluster keep apart), with
 * a password derived from the app's secret, so every process of one deployment computes the same one
 * and none has to be stored.
 */
export function appLoginRole(database: string): string {
  return `${APP_ROLE}_login_${createHash('sha256').update(database).digest('hex').slice(0, 12)}`;
}

function appLoginPassword(secret: string, role: string): string {
  return createHmac('sha256', secret).update(`postgres-login:${role}`).digest('base64url');
}

/**
 * Creates or updates the app's login role for the database `ownerUrl` names (as its owner, who may
 * create roles) and answers the URL the request pool connects with.
 */
export async function ensureAppLogin(ownerUrl: string, secret: string): Promise<string> {
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    const { rows } = await owner.query<{ db: string }>('select current_database() as db');
    const database = String(rows[0]?.db);
    const role = appLoginRole(database);
    const password = appLoginPassword(secret, role);
    const attributes = `login nosuperuser nobypassrls nocreatedb nocreaterole noreplication password ${owner.escapeLiteral(password)}`;
    // Two processes booting at once may both try to create it: the loser alters what the winner made.
    await owner.query(`do $$ begin
        create role ${role} ${attributes};
      exception when duplicate_object or unique_violation then
        alter role ${role} ${attributes};
      end $$`);
    await owner.query(`grant ${APP_ROLE} to ${role}`);
    await owner.query(
      `comment on role ${role} is ${owner.escapeLiteral(`Rapport's request pool for database ${database}`)}`,
    );
    const url = new URL(ownerUrl);
    url.username = role;
    url.password = password;
    return url.toString();
  } finally {
    await owner.end();
  }
}
