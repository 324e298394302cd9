import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/** `export const MeDocument = {…} as unknown as DocumentNode<…>;`: one line per document in graphql.ts. */
const EXPORTED_DOCUMENT =
  /^export const (\w+(?:Document|FragmentDoc)) = (\{.*\}) as unknown as DocumentNode<.*$/gm;

/** A `graphql(`…`)` call of the client preset (a template without substitutions). */
const GRAPHQL_CALL = /\bgraphql\(\s*`((?:[^`\\$]|\$(?!\{))*)`\s*\)/g;
const HAS_GRAPHQL_CALL = new RegExp(GRAPHQL_CALL.source);

/** Its import from the generated module. */
const GRAPHQL_IMPORT = /^import \{ graphql \} from '~\/gql';\n/m;

const DEFINITION = /^\s*(?:#[^\n]*\n\s*)*(query|mutation|subscription|fragment)\s+(\w+)/;

/** The generated documents (src/gql/graphql.ts) by export name: each an object literal in JSON. */
export function readDocuments(generated: string): Map<string, string> {
  return new Map([...generated.matchAll(EXPORTED_DOCUMENT)].map((m) => [m[1] as string, m[2] as string]));
}

/** The export name graphql-codegen's client preset gives a definition's document. */
export function documentName(source: string): string {
  const match = DEFINITION.exec(source);
  if (!match) throw new Error(`graphql(): no named operation or fragment in ${source.trim().slice(0, 80)}`);
  const [, kind, name] = match;
  return kind === 'fragment' ? `${name}FragmentDoc` : `${name}Document`;
}

/**
 * Replaces each `graphql(`…`)` call with its document, written where it is used. Without it, every
 * document of the app comes with `~/gql` (its map from source text to document, which the client preset
 * says is not tree-shakeable): 150 KB of object literals in the initial JavaScript, evaluated on every
 * page. Returns null when the code has no such call.
 */
export function inlineDocuments(code: string, documents: ReadonlyMap<string, string>): string | null {
  if (!HAS_GRAPHQL_CALL.test(code)) return null;
  const replaced = code.replace(GRAPHQL_CALL, (call: string, source: string) => {
    const name = documentName(source);
    const document = documents.get(name);
    if (!document) throw new Error(`graphql(): ${name} is not in src/gql/graphql.ts (run npm run codegen)`);
    // As many lines as the call: the code after it keeps its line numbers (and the source map holds).
    return `(${document})${'\n'.repeat(call.split('\n').length - 1)}`;
  });
  return HAS_GRAPHQL_CALL.test(replaced) ? replaced : replaced.replace(GRAPHQL_IMPORT, '\n');
}

/**
 * The build's version of the client preset's Babel/SWC plugin: each module carries its own documents,
 * so a page's chunk has the documents it sends and the initial JavaScript only the shell's.
 */
export function gqlDocuments({ generated }: { generated: string }): Plugin {
  let documents: Map<string, string> | undefined;
  return {
    name: 'rapport:gql-documents',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      documents = readDocuments(readFileSync(generated, 'utf8'));
      this.addWatchFile(generated);
    },
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.includes('/src/gql/') || !documents) return null;
      const inlined = inlineDocuments(code, documents);
      return inlined === null ? null : { code: inlined, map: null };
    },
  };
}
