import { type ASTVisitor, GraphQLError, Kind, type ValidationContext } from 'graphql';

/**
 * Refuses a literal `first` above `maxPageSize` before anything runs, with BAD_USER_INPUT naming
 * `first` exactly as the connections' own input schemas do. (A `first` given in a variable is only
 * known at execution, where those schemas refuse it with the same code and field.)
 */
export function pageSizeLimit(maxPageSize: number) {
  return (context: ValidationContext): ASTVisitor => ({
    Argument(node) {
      if (node.name.value !== 'first' || node.value.kind !== Kind.INT) return;
      const field = context.getFieldDef();
      // Unknown arguments are reported by graphql-js's own rules.
      if (!field || !context.getArgument()) return;
      if (Number.parseInt(node.value.value, 10) <= maxPageSize) return;
      context.reportError(
        new GraphQLError(`A page holds at most ${maxPageSize} items: "first" of ${field.name} is too large`, {
          nodes: [node],
          extensions: { code: 'BAD_USER_INPUT', fields: { first: `At most ${maxPageSize}` } },
        }),
      );
    },
  });
}
