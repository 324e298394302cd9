import { buildSchema, parse, validate } from 'graphql';
import { type CostWeights, costLimit } from './cost-limit';

const schema = buildSchema(`
  type Query { things(first: Int = 20): ThingConnection! thing: Thing tags: [Tag!]! }
  type Mutation { touch: Thing! }
  type ThingConnection { edges: [ThingEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type ThingEdge { cursor: String! node: Thing! }
  type PageInfo { hasNextPage: Boolean! }
  type Thing { id: ID! labels: [String!]! tags: [Tag!]! parts(first: Int): ThingConnection! }
  type Tag { name: String! }
`);

const weights: CostWeights = { field: 1, query: 10, mutation: 100, unpagedListSize: 10, maxPageSize: 100 };

/** The estimated cost of `query`, read back from the refusal of a budget of 0. */
function costOf(query: string): number {
  const [error] = validate(schema, parse(query), [costLimit(0, weights)]);
  return Number(/estimated cost is (\d+)/.exec(error?.message ?? '')?.[1] ?? 0);
}

describe('costLimit', () => {
  it.each([
    ['a root field and its scalars', '{ thing { id labels } }', 10 + 1 + 1],
    [
      'a connection: its edges `first` times, its page info and count once',
      '{ things(first: 5) { edges { node { id } } pageInfo { hasNextPage } totalCount } }',
      10 + (1 + 5 * (1 + 1)) + (1 + 1) + 1,
    ],
    ['a connection without `first`: its default page', '{ things { edges { cursor } } }', 10 + 1 + 20 * 1],
    [
      'a connection with `first` in a variable: the largest page',
      'query($n: Int) { things(first: $n) { edges { cursor } } }',
      10 + 1 + 100 * 1,
    ],
    [
      'a page above the maximum: the maximum (the page-size rule refuses it)',
      '{ things(first: 5000) { edges { cursor } } }',
      10 + 1 + 100,
    ],
    ['an unpaged list of objects', '{ tags { name } }', 10 + 10 * 1],
    [
      'nested connections multiply',
      '{ things(first: 10) { edges { node { parts(first: 10) { edges { cursor } } } } } }',
      10 + (1 + 10 * (1 + (10 + (1 + 10 * 1)))),
    ],
    ['each alias', '{ a: thing { id } b: thing { id } }', 2 * (10 + 1)],
    [
      'a fragment where it is spread',
      '{ a: thing { ...F } b: thing { ...F } } fragment F on Thing { id labels }',
      2 * (10 + 2),
    ],
    ['a mutation field', 'mutation { a: touch { id } b: touch { id } }', 2 * (100 + 1)],
    ['__typename, like any field', '{ __typename }', 1],
  ])('counts %s', (_, query, expected) => {
    expect(costOf(query)).toBe(expected);
  });

  it('allows a document within the budget', () => {
    expect(validate(schema, parse('{ thing { id } }'), [costLimit(11, weights)])).toEqual([]);
    expect(validate(schema, parse('{ thing { id } }'), [costLimit(10, weights)])).toHaveLength(1);
  });

  it('terminates on a fragment cycle (which graphql-js refuses on its own)', () => {
    const errors = validate(
      schema,
      parse('{ thing { ...A } } fragment A on Thing { id tags { name } ...A }'),
      [costLimit(0, weights)],
    );
    expect(errors).toHaveLength(1);
  });
});
