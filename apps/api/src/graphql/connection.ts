import { Field, Int, ObjectType } from '@nestjs/graphql';

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

/** The Relay `<Name>Edge` and `<Name>Connection` object types for a node type. */
export function connectionTypes<T>(name: string, node: new () => T) {
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
