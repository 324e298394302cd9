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
 * What every page downloads first: index.html's entry script and its modulepreload links
 * (JavaScript), and its stylesheets. The entry then imports the app the path needs (appChunks).
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

function readManifest(distDir) {
  const manifestPath = join(distDir, '.vite', 'manifest.json');
  return existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : null;
}

/** `files` measured, with the bytes beyond `before` (a set of files already counted) apart. */
function measuredBeyond(distDir, files, before) {
  const lazy = measured(
    distDir,
    files.filter((file) => !before.has(file)),
  );
  return { ...measured(distDir, files), lazyGzipBytes: lazy.gzipBytes };
}

/**
 * The apps index.html's entry starts (src/main.tsx imports one by the path: the signed-in app, or the
 * public feedback form on its own), each with the JavaScript it needs before any page renders: the
 * entry's own and the app's static imports. From Vite's manifest (`build.manifest`).
 */
export function appChunks(distDir) {
  const manifest = readManifest(distDir);
  if (!manifest) return null;
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  const initial = staticClosure(manifest, entry);
  const imports = (manifest[entry].dynamicImports ?? []).map((key) => ({
    key,
    files: [...staticClosure(manifest, key, new Set(initial))],
  }));
  // A library the entry imports on its own (to run it in a task of its own) is part of the app that
  // imports it statically too, not an app.
  const isApp = ({ key }) =>
    !imports.some((other) => other.key !== key && other.files.includes(manifest[key].file));
  const apps = {};
  for (const { key, files } of imports.filter(isApp))
    apps[key] = { ...measuredBeyond(distDir, files, initial), pages: manifest[key].dynamicImports ?? [] };
  return { manifest, initial, apps };
}

/**
 * The JavaScript a route's first render needs, per page: the entry's, its app's, and the page's chunk
 * with its static imports (the router loads each page lazily). An app without lazy pages (the feedback
 * form) is its one route. What a page loads after rendering (its charts' drawings) is not counted.
 * `lazyGzipBytes`: what comes after index.html's own entry.
 */
export function routeChunks(distDir) {
  const chunks = appChunks(distDir);
  if (!chunks) return null;
  const { manifest, initial, apps } = chunks;
  const routes = {};
  for (const [app, { files: appFiles, pages }] of Object.entries(apps)) {
    const before = new Set([...initial, ...appFiles.map((f) => f.file)]);
    if (pages.length === 0) routes[app] = measuredBeyond(distDir, [...before], initial);
    for (const page of pages)
      routes[page] = measuredBeyond(distDir, [...staticClosure(manifest, page, new Set(before))], initial);
  }
  return routes;
}

/**
 * `gzipBytes`: the most JavaScript any page needs before its first render can start, i.e. the largest
 * app's (index.html's entry plus that app's static imports); `entry` is index.html's alone, `apps`
 * each app's, `routes` each page's (the app's plus the page's chunks).
 */
export function initialJs(distDir) {
  const { js, css } = initialAssets(distDir);
  const chunks = appChunks(distDir);
  const apps = Object.fromEntries(
    Object.entries(chunks?.apps ?? {}).map(([app, { pages: _pages, ...sizes }]) => [app, sizes]),
  );
  const largest = Object.values(apps).reduce((max, app) => (app.gzipBytes > max.gzipBytes ? app : max), js);
  return {
    gzipBytes: largest.gzipBytes,
    files: largest.files,
    entry: js,
    apps,
    cssGzipBytes: css.gzipBytes,
    routes: routeChunks(distDir),
  };
}
