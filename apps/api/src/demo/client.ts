/**
 * How the demo talks to Rapport: GraphQL over HTTP, like a browser tab with its own cookie jar.
 * `seedDemo` only needs a way to open a fresh "browser"; the script opens fetch-based ones on the
 * app it starts, the integration test hands in the harness's supertest clients.
 */
export interface GqlError {
  message: string;
  extensions?: { code?: string; requestId?: string; fields?: Record<string, string> };
}

export interface GqlResponse<T> {
  data?: T | null;
  errors?: GqlError[];
}

/** One browser: its requests share cookies (the session, the "already answered" mark). */
export interface DemoBrowser {
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GqlResponse<T>>;
}

/** Opens a fresh browser, with an empty cookie jar. */
export type OpenBrowser = () => DemoBrowser;

export class DemoApiError extends Error {
  constructor(
    readonly operation: string,
    readonly errors: GqlError[],
  ) {
    super(`${operation} failed: ${errors.map(describe).join('; ')}`);
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

function describe(error: GqlError): string {
  const { code = 'ERROR', fields, requestId } = error.extensions ?? {};
  const details = fields ? ` ${JSON.stringify(fields)}` : '';
  return `${code} ${error.message}${details}${requestId ? ` (request ${requestId})` : ''}`;
}

/** A browser that fails loudly: every error of the API stops the seeding with its message. */
export class Session {
  constructor(readonly browser: DemoBrowser) {}

  async ok<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const result = await this.browser.gql<T>(query, variables);
    if (result.errors?.length || !result.data) {
      const operation = /\w+/.exec(query.slice(query.indexOf('{') + 1))?.[0] ?? 'request';
      throw new DemoApiError(operation, result.errors ?? [{ message: 'no data' }]);
    }
    return result.data;
  }
}

/** A fetch-based browser on a GraphQL endpoint, keeping the cookies the API sets. */
export class FetchBrowser implements DemoBrowser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly endpoint: string) {}

  async gql<T>(query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const res = await fetch(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      if (at <= 0) continue;
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === '' || /;\s*max-age=0\b/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line)) {
        this.cookies.delete(name);
      } else {
        this.cookies.set(name, value);
      }
    }
    const text = await res.text();
    try {
      return JSON.parse(text) as GqlResponse<T>;
    } catch {
      return { errors: [{ message: `HTTP ${res.status}: ${text.slice(0, 200)}` }] };
    }
  }
}

/** Fresh fetch-based browsers on `endpoint` (…/graphql). */
export const fetchBrowsers =
  (endpoint: string): OpenBrowser =>
  () =>
    new FetchBrowser(endpoint);

/** The token at the end of a link the API hands out (…/invite/<token>, …/a/<token>, …/f/<token>). */
export function tokenOf(url: string): string {
  const token = new URL(url).pathname.split('/').pop();
  if (!token) throw new Error(`No token in ${url}`);
  return token;
}
