import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Whether the field being resolved selects the fields of `path`, each inside the one before (directly,
 * in inline fragments or in named ones), so a resolver can skip work nobody asked for, or do work
 * asked for deeper in the same statement.
 */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  const visit = (set: SelectionSetNode | undefined, [name, ...rest]: readonly string[]): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === 'Field')
        return selection.name.value === name && (rest.length === 0 || visit(selection.selectionSet, rest));
      if (selection.kind === 'InlineFragment')
        return visit(selection.selectionSet, [name as string, ...rest]);
      return visit(info.fragments[selection.name.value]?.selectionSet, [name as string, ...rest]);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet, path));
}

/** Whether the field being resolved selects `name` among its own fields. */
export const selectsField = (info: GraphQLResolveInfo, name: string): boolean => selectsPath(info, [name]);
