import { Field, Int, ObjectType } from '@nestjs/graphql';
import { isUuid } from './parse-input';

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfoModel;
  totalCount: number;
}

/** The Relay `<Name>Edge` and `<Name>Connection` object types for a node type (a class or a union). */
export function connectionTypes<T>(name: string, node: (new () => T) | object) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class Connection {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfoModel)
    pageInfo!: PageInfoModel;

    @Field(() => Int)
    totalCount!: number;
  }

  return { Edge, Connection };
}

/** Opaque cursors: base64url JSON of the sort key, so clients never depend on their content. */
export const cursor = {
  encode: (key: readonly unknown[]): string => Buffer.from(JSON.stringify(key)).toString('base64url'),
  decode: (value: string): unknown[] | null => {
    try {
      const key: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
      return Array.isArray(key) ? key : null;
    } catch {
      return null;
    }
  },
};

/**
 * A page from `rows` fetched with `limit first + 1` in the connection's order: the extra row only
 * says whether there is a next page. `keyOf` gives the sort key a cursor carries.
 */
export function toConnection<T>(
  rows: readonly T[],
  first: number,
  totalCount: number,
  keyOf: (row: T) => readonly unknown[],
): Connection<T> {
  const edges = rows.slice(0, first).map((node) => ({ cursor: cursor.encode(keyOf(node)), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}

/** The `(time, id)` a time-ordered cursor carries, or null when it is not one of ours. */
export function decodeTimeCursor(value: string): { at: Date; id: string } | null {
  const [at, id] = cursor.decode(value) ?? [];
  if (typeof at !== 'string' || typeof id !== 'string' || !isUuid(id)) return null;
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? null : { at: date, id };
}
