import { createHash } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import request from 'supertest';
import { type GqlClient, type GqlResult, PASSWORD, type TestApp } from './harness';

export const SESSION_COOKIE = 'rapport_session';

export interface Variables {
  [name: string]: unknown;
}

/** One GraphQL POST through `client` (its cookies), answering the whole HTTP response: headers, status, text. */
export const postGql = (client: GqlClient, query: string, variables?: Variables) =>
  client.raw().post('/graphql').set('content-type', 'application/json').send({ query, variables });

/**
 * One GraphQL POST carrying exactly this session token (e.g. one the browser has already dropped),
 * or none, answering the whole HTTP response; cookies the answer sets are not kept.
 */
export const postGqlWithSession = (
  t: TestApp,
  token: string | null,
  query: string,
  variables?: Variables,
) => {
  const post = request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
  if (token !== null) post.set('cookie', `${SESSION_COOKIE}=${token}`);
  return post.send({ query, variables });
};

/** The same, answering the GraphQL result. */
export async function gqlWithSession(
  t: TestApp,
  token: string | null,
  query: string,
  variables?: Variables,
): Promise<GqlResult> {
  const res = await postGqlWithSession(t, token, query, variables);
  return { status: res.status, data: res.body.data, errors: res.body.errors };
}

/**
 * A client at another network address, without cookies. Linux routes all of 127.0.0.0/8 to the
 * loopback interface, so binding the outgoing socket makes a test "another IP" with no
 * X-Forwarded-For trust or test-only switch in the app. (On macOS only 127.0.0.1 exists unless
 * more addresses are aliased on lo0.)
 */
export function clientAt(t: TestApp, address: string) {
  const agent = new Agent({ localAddress: address });
  return async (query: string, variables?: Variables): Promise<GqlResult> => {
    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .agent(agent)
      .set('content-type', 'application/json')
      .send({ query, variables });
    return { status: res.status, data: res.body.data, errors: res.body.errors };
  };
}

export interface SetCookie {
  value: string;
  /** Lower-cased, e.g. `httponly`, `samesite=lax`, `path=/`. */
  attributes: string[];
}

/** The session cookie a response sets (or clears, with an empty value), if any. */
export function sessionCookieOf(res: request.Response): SetCookie | undefined {
  const header = res.headers['set-cookie'] as unknown as string[] | undefined;
  const line = header?.find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
  if (!line) return undefined;
  const [pair, ...attributes] = line.split(';').map((part) => part.trim());
  return {
    value: decodeURIComponent(pair!.slice(SESSION_COOKIE.length + 1)),
    attributes: attributes.map((attribute) => attribute.toLowerCase()),
  };
}

/** The digest the API keys sessions and links by, to find a token's row without storing the token. */
export const sha256 = (token: string): Buffer => createHash('sha256').update(token).digest();

/** Signs in and answers the session token, to send as a cookie (see gqlWithSession). */
export async function sessionOf(t: TestApp, email: string, password = PASSWORD): Promise<string> {
  const res = await request(t.app.getHttpServer())
    .post('/graphql')
    .set('content-type', 'application/json')
    .send({
      query: `mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { member { id } } }`,
      variables: { email, password },
    });
  const cookie = sessionCookieOf(res);
  if (!cookie?.value) throw new Error(`cannot sign in as ${email}: ${res.text}`);
  return cookie.value;
}

/**
 * Posts raw bytes as a GraphQL JSON body to an app listening on `port`, over one kept-alive
 * connection: much faster than supertest, which starts a server for every request.
 */
export function rawPoster(port: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const post = (body: Buffer, session?: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const headers = {
        'content-type': 'application/json',
        'content-length': body.length,
        ...(session ? { cookie: `${SESSION_COOKIE}=${session}` } : {}),
      };
      const req = httpRequest(
        { host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return { post, close: () => agent.destroy() };
}
