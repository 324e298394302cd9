import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/**
 * Refuses operations whose selections nest deeper than `maxDepth` fields, counting fragments where
 * they are spread. Each fragment's depth is computed once, so a document that spreads fragments many
 * times over cannot make the check itself slow; a fragment cycle (refused by graphql-js's own
 * NoFragmentCycles rule) is not followed round.
 */
export function depthLimit(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const depthOfFragment = new Map<string, number>();

    const fragmentDepth = (
      fragment: FragmentDefinitionNode | null | undefined,
      visiting: Set<string>,
    ): number => {
      if (!fragment) return 0;
      const name = fragment.name.value;
      const known = depthOfFragment.get(name);
      if (known !== undefined) return known;
      if (visiting.has(name)) return 0;
      visiting.add(name);
      const depth = depthOf(fragment.selectionSet, visiting);
      visiting.delete(name);
      depthOfFragment.set(name, depth);
      return depth;
    };

    const depthOf = (set: SelectionSetNode, visiting: Set<string>): number => {
      let deepest = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          const below = selection.selectionSet ? depthOf(selection.selectionSet, visiting) : 0;
          deepest = Math.max(deepest, 1 + below);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, visiting));
        } else {
          deepest = Math.max(deepest, fragmentDepth(context.getFragment(selection.name.value), visiting));
        }
      }
      return deepest;
    };

    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`Query is nested ${depth} levels deep; the limit is ${maxDepth}`, {
              nodes: [operation],
              extensions: { code: 'BAD_USER_INPUT', fields: {} },
            }),
          );
        }
      },
    };
  };
}
