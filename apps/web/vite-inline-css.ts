import type { Plugin } from 'vite';

/**
 * Puts the entry's stylesheet into index.html as a `<style>`: the first loading state paints as soon as
 * the HTML has arrived, without waiting for a render-blocking request (index.html is served compressed).
 */
export function inlineEntryCss(): Plugin {
  return {
    name: 'rapport:inline-entry-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        return html.replace(
          /<link rel="stylesheet" crossorigin href="\/(assets\/[^"]+\.css)">/,
          (tag, name) => {
            const asset = bundle?.[name];
            // The file stays: the lazy chunks' preload helper asks for it too.
            if (asset?.type !== 'asset') return tag;
            return `<style>${String(asset.source)}</style>`;
          },
        );
      },
    },
  };
}
