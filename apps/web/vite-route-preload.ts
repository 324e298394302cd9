import type { Plugin, Rolldown } from 'vite';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

export interface RoutePreload {
  /** Paths it applies to; the first rule whose path matches wins. */
  path: RegExp;
  /** Source modules (from the root, e.g. `src/app/app-entry.tsx`) whose chunks the path needs first. */
  modules: string[];
  /**
   * Also the entry's stylesheet file: it is inlined into index.html (vite-inline-css.ts), but Vite's
   * loader of a lazy page still asks for it and waits for it before the page renders.
   */
  entryCss?: boolean;
}

/** The files a chunk needs: itself, its static imports (transitively) and their stylesheets. */
function closure(bundle: OutputBundle, chunk: OutputChunk, into = new Set<string>()): Set<string> {
  if (into.has(chunk.fileName)) return into;
  into.add(chunk.fileName);
  for (const css of chunk.viteMetadata?.importedCss ?? []) into.add(css);
  for (const name of chunk.imports) {
    const imported = bundle[name];
    if (imported?.type === 'chunk') closure(bundle, imported, into);
  }
  return into;
}

/**
 * The inline script: for the current path, the files of the first rule that matches (a RegExp source
 * and files relative to the site's root), as link elements in the head.
 */
export function preloadScript(rules: Array<[path: string, files: string[]]>): string {
  return (
    `(function(p,r){for(var i=0;i<r.length;i++)if(new RegExp(r[i][0]).test(p)){r[i][1].forEach(function(f){` +
    `var l=document.createElement('link'),css=/\\.css$/.test(f);l.rel=css?'preload':'modulepreload';` +
    `if(css)l.as='style';l.crossOrigin='';l.href='/'+f;document.head.appendChild(l)});return}})` +
    `(location.pathname,${JSON.stringify(rules)})`
  );
}

/**
 * The browser learns which app and page a path needs only once index.html's entry has run (it imports
 * them by the path: main.tsx, then the router). This puts a small script in index.html's head that
 * asks for them while the HTML is still being read: the entry's round trip and the router's no longer
 * come before their downloads. `modulepreload` for scripts, `preload` for stylesheets (the chunk's own
 * loader then finds them in the cache). Files index.html already loads are left out.
 */
export function routePreload(rules: RoutePreload[]): Plugin {
  let root = '';
  return {
    name: 'rapport:route-preload',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
        // What index.html loads anyway: the entry's scripts, and its stylesheet (inlined).
        const entry = chunks.find((c) => c.isEntry);
        const initial = entry ? closure(bundle, entry) : new Set<string>();
        const entryCss = [...(entry?.viteMetadata?.importedCss ?? [])];
        const files = rules.map(({ path, modules, entryCss: withEntryCss }) => {
          const set = new Set<string>();
          for (const module of modules) {
            const chunk = chunks.find((c) => c.facadeModuleId === `${root}/${module}`);
            if (!chunk) throw new Error(`route-preload: no chunk for ${module}`);
            closure(bundle, chunk, set);
          }
          const needed = [...set].filter((file) => !initial.has(file));
          return { path: path.source, files: withEntryCss ? [...entryCss, ...needed] : needed };
        });
        const script = preloadScript(files.map((f) => [f.path, f.files]));
        // Before the entry's script tag: the downloads start as soon as the parser gets there.
        const entryTag = /<script type="module"[^>]*><\/script>/;
        if (!entryTag.test(html)) throw new Error('route-preload: no entry script in index.html');
        return html.replace(entryTag, (tag) => `<script>${script}</script>\n    ${tag}`);
      },
    },
  };
}
