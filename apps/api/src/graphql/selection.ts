import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * The names of the fields selected inside `path` of the field being resolved, each step inside the
 * one before (directly, in inline fragments or in named ones), whatever their directives say: a
 * superset of what will be shown. So a resolver can skip work nobody asked for, or do work asked for
 * deeper in the same statement.
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined, rest: readonly string[]): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') {
        const [name, ...deeper] = rest;
        if (name === undefined) names.add(selection.name.value);
        else if (selection.name.value === name) visit(selection.selectionSet, deeper);
      } else if (selection.kind === 'InlineFragment') visit(selection.selectionSet, rest);
      else visit(info.fragments[selection.name.value]?.selectionSet, rest);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, path);
  return names;
}

/** Whether the field being resolved selects the last field of `path` inside the ones before it. */
export const selectsPath = (info: GraphQLResolveInfo, path: readonly string[]): boolean =>
  selectedFields(info, path.slice(0, -1)).has(path.at(-1) as string);

/** Whether the field being resolved selects `name` among its own fields. */
export const selectsField = (info: GraphQLResolveInfo, name: string): boolean => selectsPath(info, [name]);
