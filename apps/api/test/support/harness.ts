import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Pool } from 'pg';
import request from 'supertest';
import { createApp, stopApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { appLoginRole, ensureAppLogin } from '../../src/database/app-login';
import { migrate } from '../../src/database/migrate';
import { createLogger } from '../../src/logger';
import type { LogCapture } from './logs';

export const PUBLIC_URL = 'http://rapport.test';

function databaseUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

export interface TestApp {
  app: INestApplication;
  /** A fresh cookie jar: one browser. */
  client(): GqlClient;
  /** Superuser access to this file's database, to look behind the API (never used by the API). */
  admin: Pool;
  /** The database owner's login, which the app is given (and migrations use). */
  url: string;
  /** The login the app's request pool uses (it runs as the app role on top of it). */
  appUrl: string;
  close(): Promise<void>;
}

export interface TestDatabase {
  /** Its owner's login. */
  url: string;
  /** Drops it, and the app login role made for it. */
  drop(): Promise<void>;
}

/** A fresh, empty database of its own on the test server. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.RAPPORT_TEST_ADMIN_URL;
  if (!base) throw new Error('RAPPORT_TEST_ADMIN_URL is not set: run through jest (global-setup)');
  const name = `rapport_test_${randomBytes(6).toString('hex')}`;
  const server = new Pool({ connectionString: base, max: 1 });
  await server.query(`create database ${name}`);
  await server.end();
  return {
    url: databaseUrl(base, name),
    drop: async () => {
      const drop = new Pool({ connectionString: base, max: 1 });
      await drop.query(`drop database if exists ${name} with (force)`);
      // Roles are cluster-wide: a server named by DATABASE_URL would otherwise keep one per test file.
      await drop.query(`drop role if exists ${appLoginRole(name)}`);
      await drop.end();
    },
  };
}

export interface TestAppOptions {
  /** Collects every log line (level trace) instead of discarding them (TEST_LOG_LEVEL, else silent). */
  logs?: LogCapture;
}

/** The real app (GraphQL, RLS, everything) on its own freshly migrated database. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const url = database.url;
  await migrate(url);
  const config = testConfig();
  const logger = options.logs
    ? createLogger('trace', options.logs)
    : createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const app = await createApp(config, url, logger);
  await app.init();
  const admin = new Pool({ connectionString: url, max: 2 });
  // The server may close an idle connection (57P01, seen now and then in CI); the pool drops it and
  // connects anew on the next query. Without a listener the pool would throw it at whichever test runs.
  admin.on('error', () => {});
  return {
    app,
    admin,
    url,
    appUrl: await ensureAppLogin(url, TEST_SECRET),
    client: () => new GqlClient(app),
    close: async () => {
      await stopApp(app);
      await admin.end();
      await database.drop();
    },
  };
}

const TEST_SECRET = 'test-link-secret-test-link-secret-0123';

/** The configuration of a test app; `env` overrides or adds variables. */
export function testConfig(env: Record<string, string> = {}) {
  return loadConfig({ PUBLIC_URL, LOG_LEVEL: 'silent', RAPPORT_SECRET: TEST_SECRET, ...env });
}

export interface GqlError {
  message: string;
  extensions?: { code?: string; fields?: Record<string, string> };
}

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: GqlError[];
}

/** Sends GraphQL over HTTP with a cookie jar, like a browser tab. */
export class GqlClient {
  private readonly agent: ReturnType<typeof request.agent>;

  constructor(app: INestApplication) {
    this.agent = request.agent(app.getHttpServer());
  }

  async gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GqlResult<T>> {
    const res = await this.agent
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query, variables });
    return { status: res.status, data: res.body.data, errors: res.body.errors };
  }

  /** Like gql, but fails the test on any error. */
  async ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const result = await this.gql<T>(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  raw() {
    return this.agent;
  }
}

/** The error code of the first error, for `expect(code(result)).toBe('NOT_FOUND')`. */
export const code = (result: GqlResult): string | undefined => result.errors?.[0]?.extensions?.code;
export const fields = (result: GqlResult): Record<string, string> | undefined =>
  result.errors?.[0]?.extensions?.fields;

let counter = 0;
export const uniqueEmail = (prefix = 'user') => `${prefix}-${Date.now()}-${++counter}@example.com`;
export const PASSWORD = 'correct horse battery';

export const SIGN_UP = `mutation SignUp($workspaceName: String!, $name: String!, $email: String!, $password: String!) {
  signUp(workspaceName: $workspaceName, name: $name, email: $email, password: $password) {
    member { id name email role workspace { id name defaultCadenceDays } }
  }
}`;

export interface SignedIn {
  client: GqlClient;
  memberId: string;
  workspaceId: string;
  email: string;
}

/** A new workspace with its owner signed in. */
export async function signUpOwner(t: TestApp, workspaceName = 'Corner Bakery'): Promise<SignedIn> {
  const client = t.client();
  const email = uniqueEmail('owner');
  const data = await client.ok(SIGN_UP, { workspaceName, name: 'Olive Owner', email, password: PASSWORD });
  const member = data.signUp.member;
  return { client, memberId: member.id, workspaceId: member.workspace.id, email };
}

/** Invites a STAFF (or OWNER) member as `owner` and accepts in a fresh client. */
export async function addMember(
  t: TestApp,
  owner: SignedIn,
  role: 'STAFF' | 'OWNER' = 'STAFF',
): Promise<SignedIn> {
  const email = uniqueEmail(role.toLowerCase());
  const invited = await owner.client.ok(
    `mutation($email: String!, $role: Role!) { inviteMember(email: $email, name: "Sam Staff", role: $role) { url } }`,
    { email, role },
  );
  const token = String(invited.inviteMember.url).split('/invite/')[1];
  const client = t.client();
  const data = await client.ok(
    `mutation($token: String!) { acceptInvitation(token: $token, name: "Sam Staff", password: "${PASSWORD}") { member { id workspace { id } } } }`,
    { token },
  );
  return {
    client,
    memberId: data.acceptInvitation.member.id,
    workspaceId: data.acceptInvitation.member.workspace.id,
    email,
  };
}
