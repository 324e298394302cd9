/** The answer's data: each root field's object, of which the stream reads the id. */
type Data = Record<string, { id: string }>;

/** What one GraphQL request over HTTP came back with, or how it failed to. */
export type Outcome =
  | { kind: 'ok'; data: Data }
  | { kind: 'retry'; why: 'network' | `http ${number}` }
  | { kind: 'refused'; message: string };

/** A minimal GraphQL client over fetch with one session cookie, as a browser tab would hold. */
export class ApiClient {
  private cookie = '';

  constructor(private readonly base: string) {}

  async send(query: string, variables: Record<string, unknown> = {}): Promise<Outcome> {
    let res: Response;
    try {
      res = await fetch(`${this.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: this.cookie },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(15_000),
      });
    } catch {
      return { kind: 'retry', why: 'network' };
    }
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    if (res.status >= 500) return { kind: 'retry', why: `http ${res.status}` };
    const body = (await res.json()) as { data?: Data; errors?: { message: string }[] };
    if (body.errors?.length)
      return { kind: 'refused', message: body.errors.map((e) => e.message).join('; ') };
    return { kind: 'ok', data: body.data ?? {} };
  }

  /** Sends once and answers the data; any other outcome throws. For the set-up steps. */
  async ok(query: string, variables: Record<string, unknown> = {}): Promise<Data> {
    const outcome = await this.send(query, variables);
    if (outcome.kind !== 'ok') throw new Error(`${query.slice(0, 40)}… failed: ${JSON.stringify(outcome)}`);
    return outcome.data;
  }
}

/** Signs up a workspace owner on `client` and creates `count` customers; answers their ids. */
export async function signUpWithCustomers(client: ApiClient, count: number): Promise<string[]> {
  await client.ok(
    `mutation($w: String!, $n: String!, $e: String!, $p: String!) {
      signUp(workspaceName: $w, name: $n, email: $e, password: $p) { member { id } } }`,
    { w: 'Chaos Bakery', n: 'Olive Owner', e: 'olive@chaos.example', p: 'correct horse battery' },
  );
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const data = await client.ok(
      `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`,
      {
        input: { name: `Customer ${i}` },
      },
    );
    ids.push(String(data.createCustomer?.id));
  }
  return ids;
}
