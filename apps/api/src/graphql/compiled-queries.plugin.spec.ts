import { buildSchema, GraphQLError, type GraphQLSchema, getOperationAST, parse } from 'graphql';
import { compiledQueriesPlugin } from './compiled-queries.plugin';

/** A schema whose resolvers count their calls, and a request context as Apollo hands it to plugins. */
function setup() {
  const calls = { greeting: 0, failing: 0 };
  const schema: GraphQLSchema = buildSchema(`
    type Query { greeting(name: String!): Greeting! failing: String broken: String }
    type Mutation { touch: Boolean }
    type Greeting { text: String! length: Int! }
  `);
  const fields = schema.getQueryType()?.getFields();
  if (!fields?.greeting || !fields.failing || !fields.broken) throw new Error('schema without its fields');
  fields.broken.resolve = () => {
    throw new Error('connection reset');
  };
  fields.greeting.resolve = (_root, { name }: { name: string }) => {
    calls.greeting++;
    const text = `Hello, ${name}`;
    return { text, length: text.length };
  };
  fields.failing.resolve = () => {
    calls.failing++;
    throw new GraphQLError('refused', { extensions: { code: 'BAD_USER_INPUT' } });
  };
  const formatted: unknown[] = [];
  const plugin = compiledQueriesPlugin((error, original) => {
    formatted.push(original);
    return {
      message: `formatted: ${error.message}`,
      path: error.path,
      extensions: { code: error.extensions?.code },
    };
  });
  const answer = async (query: string, { actor = {} as unknown, variables = {} } = {}) => {
    const document = parse(query);
    const context = {
      schema,
      document,
      operation: getOperationAST(document),
      request: { query, variables },
      contextValue: { actor },
      response: { http: { headers: new Map() } },
    };
    // Apollo's request context, reduced to what the hook reads.
    const listener: any = await (plugin.requestDidStart as any)(context);
    return listener.responseForOperation(context);
  };
  return { calls, answer, formatted };
}

describe('compiledQueriesPlugin', () => {
  it("answers a member's query compiled, with its variables, calling each resolver once", async () => {
    const { calls, answer } = setup();
    const response = await answer('query($n: String!) { greeting(name: $n) { text length } }', {
      variables: { n: 'Ada' },
    });
    expect(response.body).toEqual({
      kind: 'single',
      singleResult: { data: { greeting: { text: 'Hello, Ada', length: 10 } } },
    });
    expect(calls.greeting).toBe(1);
  });

  it("formats a resolver's error with the app's formatter, running the resolver once", async () => {
    const { calls, answer, formatted } = setup();
    const response = await answer('{ failing greeting(name: "Bo") { text } }');
    expect(response.body.singleResult).toEqual({
      data: { failing: null, greeting: { text: 'Hello, Bo' } },
      errors: [{ message: 'formatted: refused', path: ['failing'], extensions: { code: 'BAD_USER_INPUT' } }],
    });
    expect(calls.failing).toBe(1);
    expect(formatted).toHaveLength(1);
  });

  it('gives an error without a code the one Apollo gives it, INTERNAL_SERVER_ERROR', async () => {
    const { answer, formatted } = setup();
    const response = await answer('{ broken }');
    expect(response.body.singleResult.errors).toEqual([
      {
        message: 'formatted: connection reset',
        path: ['broken'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
    expect(formatted[0]).toMatchObject({ originalError: new Error('connection reset') });
  });

  it('leaves to graphql-js mutations and queries without a member', async () => {
    const { calls, answer } = setup();
    expect(await answer('mutation { touch }')).toBeNull();
    expect(await answer('{ greeting(name: "x") { text } }', { actor: null })).toBeNull();
    expect(calls.greeting).toBe(0);
  });

  it('leaves to graphql-js variables that do not coerce (its error words them)', async () => {
    const { calls, answer } = setup();
    expect(await answer('query($n: String!) { greeting(name: $n) { text } }', { variables: {} })).toBeNull();
    expect(calls.greeting).toBe(0);
  });
});
