import {
  type ASTVisitor,
  type FieldNode,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLField,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  type SelectionSetNode,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type ValidationContext,
} from 'graphql';

/** What each kind of field is assumed to cost, and how many items a list holds. */
export interface CostWeights {
  /** Any field value (relations are batched per request by DataLoaders). */
  field: number;
  /** A field that runs its own SQL: a root query field, or a connection (one query per parent). */
  query: number;
  /** A root mutation field: its own transaction of writes. */
  mutation: number;
  /** Items in a list that is not paged (members, touchpoints, an audit's steps…). */
  unpagedListSize: number;
  /** The largest page a connection serves: the size assumed when `first` is a variable. */
  maxPageSize: number;
}

const fieldDefinition = (
  schema: GraphQLSchema,
  type: GraphQLCompositeType,
  name: string,
): GraphQLField<unknown, unknown> | undefined => {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (type === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
};

/**
 * The page a connection field asks for: a literal `first` (at most `maxPageSize`: a larger one is
 * refused by the page-size rule), the argument's default when it is left out, and the largest page
 * when it comes from a variable (its value is not known when the document is validated).
 * `undefined` for a field without `first`.
 */
function pageSizeOf(node: FieldNode, field: GraphQLField<unknown, unknown>, max: number): number | undefined {
  const argument = field.args.find((arg) => arg.name === 'first');
  if (!argument) return undefined;
  const value = node.arguments?.find((arg) => arg.name.value === 'first')?.value;
  if (!value) return typeof argument.defaultValue === 'number' ? Math.min(argument.defaultValue, max) : max;
  if (value.kind === Kind.INT) return Math.min(Math.max(Number.parseInt(value.value, 10), 0), max);
  return max;
}

/**
 * An estimate, before anything runs, of the work a document asks for: every field counts once per
 * value it would produce — a connection's edges `first` times, an unpaged list's items
 * `unpagedListSize` times, each alias separately, each fragment where it is spread (the members of
 * a union all count, an over-estimate) — and fields that query or write weigh more. Operations
 * above `maxCost` are refused with BAD_USER_INPUT.
 *
 * A fragment's cost is computed once per page size it is spread under, so spreading fragments many
 * times over cannot make the estimate itself slow, and a fragment cycle (refused by graphql-js's own
 * NoFragmentCycles rule) is not followed round.
 */
export function costLimit(maxCost: number, weights: CostWeights) {
  return (context: ValidationContext): ASTVisitor => {
    const schema = context.getSchema();
    const queryType = schema.getQueryType();
    const mutationType = schema.getMutationType();
    const costOfFragment = new Map<string, number>();

    const baseCost = (
      parent: GraphQLCompositeType,
      field: GraphQLField<unknown, unknown>,
      paged: boolean,
    ) => {
      if (parent === mutationType) return weights.mutation;
      if (paged || (parent === queryType && !field.name.startsWith('__'))) return weights.query;
      return weights.field;
    };

    /** `pageSize`: set when `set` is the selection of a connection, whose edges list holds that many. */
    const costOf = (
      set: SelectionSetNode,
      type: GraphQLCompositeType,
      pageSize: number | undefined,
      visiting: Set<string>,
    ): number => {
      let cost = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          const field = fieldDefinition(schema, type, selection.name.value);
          // Unknown fields are reported by graphql-js's own rules.
          if (!field) continue;
          const page = pageSizeOf(selection, field, weights.maxPageSize);
          cost += baseCost(type, field, page !== undefined);
          const named = getNamedType(field.type);
          if (!selection.selectionSet || !isCompositeType(named)) continue;
          const items = isListType(getNullableType(field.type)) ? (pageSize ?? weights.unpagedListSize) : 1;
          cost += items * costOf(selection.selectionSet, named, page, visiting);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const condition = selection.typeCondition
            ? schema.getType(selection.typeCondition.name.value)
            : type;
          if (!isCompositeType(condition)) continue;
          cost += costOf(selection.selectionSet, condition, pageSize, visiting);
        } else {
          cost += fragmentCost(selection.name.value, pageSize, visiting);
        }
      }
      return cost;
    };

    const fragmentCost = (name: string, pageSize: number | undefined, visiting: Set<string>): number => {
      const key = `${name}/${pageSize ?? ''}`;
      const known = costOfFragment.get(key);
      if (known !== undefined) return known;
      const fragment = context.getFragment(name);
      const condition = fragment && schema.getType(fragment.typeCondition.name.value);
      if (!fragment || !isCompositeType(condition) || visiting.has(name)) return 0;
      visiting.add(name);
      const cost = costOf(fragment.selectionSet, condition, pageSize, visiting);
      visiting.delete(name);
      costOfFragment.set(key, cost);
      return cost;
    };

    return {
      OperationDefinition(operation) {
        const root = schema.getRootType(operation.operation);
        if (!root) return;
        const cost = costOf(operation.selectionSet, root, undefined, new Set());
        if (cost > maxCost) {
          context.reportError(
            new GraphQLError(
              `Query is too expensive: its estimated cost is ${cost}; the limit is ${maxCost}. Ask for smaller pages, fewer fields or fewer aliases.`,
              { nodes: [operation], extensions: { code: 'BAD_USER_INPUT', fields: {} } },
            ),
          );
        }
      },
    };
  };
}
