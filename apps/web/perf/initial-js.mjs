import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzipped size (level 9) of one file of the build, by its path inside dist. */
function gzipBytes(distDir, file) {
  return gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length;
}

function measured(distDir, files) {
  const sized = files.map((file) => ({ file, gzipBytes: gzipBytes(distDir, file) }));
  return { gzipBytes: sized.reduce((sum, f) => sum + f.gzipBytes, 0), files: sized };
}

/** `/assets/x.js` → `assets/x.js` (index.html refers to the build's files from the site's root). */
const distPath = (url) => url.replace(/^\//, '');

/**
 * What every page downloads before it can render: index.html's entry script and its modulepreload
 * links (JavaScript), and its stylesheets.
 */
export function initialAssets(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const attr = (tag, name) => tag.match(new RegExp(`\\b${name}="([^"]+)"`))?.[1];
  const js = [];
  const css = [];
  for (const tag of tags) {
    if (tag.startsWith('<script') && attr(tag, 'type') === 'module' && attr(tag, 'src'))
      js.push(distPath(attr(tag, 'src')));
    else if (attr(tag, 'rel') === 'modulepreload') js.push(distPath(attr(tag, 'href')));
    else if (attr(tag, 'rel') === 'stylesheet') css.push(distPath(attr(tag, 'href')));
  }
  return { js: measured(distDir, js), css: measured(distDir, css) };
}

/** A manifest chunk and every chunk it imports statically, transitively (what loading it downloads). */
function staticClosure(manifest, key, into = new Set()) {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, into);
  return into;
}

/**
 * The JavaScript a route's first render needs, per page the router loads lazily (the entry's dynamic
 * imports): the initial JavaScript plus the page's chunk and its static imports. What a page loads
 * after rendering (its charts' drawings) is not counted. From Vite's manifest (`build.manifest`).
 */
export function routeChunks(distDir) {
  const manifestPath = join(distDir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) return null;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  const initial = staticClosure(manifest, entry);
  const routes = {};
  for (const page of manifest[entry].dynamicImports ?? []) {
    const files = [...staticClosure(manifest, page, new Set(initial))];
    const lazy = measured(distDir, files.slice(initial.size));
    routes[page] = { ...measured(distDir, files), lazyGzipBytes: lazy.gzipBytes };
  }
  return routes;
}

export function initialJs(distDir) {
  const { js, css } = initialAssets(distDir);
  return { ...js, cssGzipBytes: css.gzipBytes, routes: routeChunks(distDir) };
}
