import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentName, inlineDocuments, readDocuments } from './vite-gql-documents';

const generated = readFileSync(join(__dirname, 'src/gql/graphql.ts'), 'utf8');

describe('gqlDocuments (the build inlines each graphql() call)', () => {
  const documents = readDocuments(generated);

  it('reads every generated document by its export name', () => {
    expect(documents.size).toBeGreaterThan(50);
    expect(JSON.parse(documents.get('MeDocument') ?? '')).toMatchObject({
      kind: 'Document',
      definitions: [{ kind: 'OperationDefinition', name: { value: 'Me' } }, { kind: 'FragmentDefinition' }],
    });
  });

  it('names documents as the client preset does', () => {
    expect(documentName('\n  query Me {\n    me { id }\n  }\n')).toBe('MeDocument');
    expect(documentName('mutation SignOut { signOut }')).toBe('SignOutDocument');
    expect(documentName('\n  fragment MemberFields on Member { id }')).toBe('MemberFieldsFragmentDoc');
    expect(() => documentName('{ me { id } }')).toThrow(/no named operation/);
  });

  it('replaces the calls with their documents, keeps line numbers and drops the unused import', () => {
    const source = [
      "import { graphql } from '~/gql';",
      '',
      'export const FeedbackFormDocument = graphql(`',
      '  query FeedbackForm($token: String!) {',
      '    feedbackForm(token: $token) { businessName }',
      '  }',
      '`);',
      'export const after = 1;',
    ].join('\n');
    const inlined = inlineDocuments(source, documents) ?? '';
    expect(inlined).not.toMatch(/graphql\(|~\/gql/);
    expect(inlined.split('\n').indexOf('export const after = 1;')).toBe(7);
    const literal = /= \((\{.*\})\)/.exec(inlined)?.[1] ?? '';
    expect(JSON.parse(literal)).toEqual(JSON.parse(documents.get('FeedbackFormDocument') ?? ''));
  });

  it('leaves code without a call alone, and refuses a document codegen does not know', () => {
    expect(inlineDocuments('export const x = 1;', documents)).toBeNull();
    expect(() => inlineDocuments('graphql(`query NotGenerated { me { id } }`)', documents)).toThrow(
      /NotGeneratedDocument is not in src\/gql\/graphql.ts/,
    );
  });
});
