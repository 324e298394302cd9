import { type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, Kind, parse } from 'graphql';
import { selectedFields, selectsField, selectsPath } from './selection';

/** What a resolver of the document's first root field (every occurrence of it) is given. */
function infoOf(document: string): GraphQLResolveInfo {
  const { definitions } = parse(document);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  let fieldNodes: FieldNode[] = [];
  for (const definition of definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      const fields = definition.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
      fieldNodes = fields.filter((field) => field.name.value === fields[0]?.name.value);
    }
  }
  return { fieldNodes, fragments } as unknown as GraphQLResolveInfo;
}

describe('selectedFields', () => {
  it('names the fields selected at a path, by name rather than alias', () => {
    const info = infoOf('{ customers { totalCount edges { node { id label: name owner { name } } } } }');
    expect(selectedFields(info, [])).toEqual(new Set(['totalCount', 'edges']));
    expect(selectedFields(info, ['edges', 'node'])).toEqual(new Set(['id', 'name', 'owner']));
    expect(selectedFields(info, ['edges', 'node', 'owner'])).toEqual(new Set(['name']));
    expect(selectedFields(info, ['pageInfo'])).toEqual(new Set());
  });

  it('reads inline and named fragments, nested, at any step of the path', () => {
    const info = infoOf(`{ customers { ...Page } }
      fragment Page on CustomerConnection { edges { ... on CustomerEdge { node { ...Row health { band } } } } }
      fragment Row on Customer { name ... on Customer { owner { id } } }`);
    expect(selectedFields(info, ['edges', 'node'])).toEqual(new Set(['name', 'owner', 'health']));
    expect(selectedFields(info, ['edges', 'node', 'owner'])).toEqual(new Set(['id']));
  });

  it('joins what every occurrence of the field selects, whatever their directives say', () => {
    const info = infoOf(`query($all: Boolean!) {
      customers { edges { node { id } } }
      customers { edges { node { email @include(if: $all) } } }
    }`);
    expect(selectedFields(info, ['edges', 'node'])).toEqual(new Set(['id', 'email']));
  });

  it('leaves out a fragment the document does not define', () => {
    expect(selectedFields(infoOf('{ customers { ...Missing totalCount } }'), [])).toEqual(
      new Set(['totalCount']),
    );
  });
});

describe('selectsPath and selectsField', () => {
  const info = infoOf('{ customers { totalCount edges { node { health { nextBestAction } } } } }');

  it('say whether the last field of a path is selected inside the ones before it', () => {
    expect(selectsPath(info, ['edges', 'node', 'health', 'nextBestAction'])).toBe(true);
    expect(selectsPath(info, ['edges', 'node', 'health', 'factors'])).toBe(false);
    expect(selectsPath(info, ['node', 'health'])).toBe(false);
    expect(selectsField(info, 'totalCount')).toBe(true);
    expect(selectsField(info, 'pageInfo')).toBe(false);
  });
});
