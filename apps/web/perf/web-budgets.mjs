#!/usr/bin/env node
// The web client's performance budgets: initial JavaScript (gzipped, from the build: index.html's entry,
// each app it starts by path, each route's page) and Lighthouse's performance score for the dashboard
// (signed in) and the public feedback form (a running app).
//
//   node apps/web/perf/web-budgets.mjs --dist apps/web/dist --base http://127.0.0.1:3100 \
//     --cookie 'rapport_session=…' --feedback-path /f/<token> [--json] [--runs 3] [--desktop]
//
// Without --base only the build is measured; without --cookie the dashboard is skipped. --desktop adds
// Lighthouse's desktop preset next to its default (mobile).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { initialJs } from './initial-js.mjs';
import { lighthousePerformance } from './lighthouse-run.mjs';

export { initialAssets, initialJs, routeChunks } from './initial-js.mjs';
export { lighthousePerformance } from './lighthouse-run.mjs';

export const BUDGETS = { initialJsGzipBytes: 250 * 1024, lighthouseScore: 90 };

/** The pages Lighthouse measures, by name: the dashboard needs a signed-in session. */
function pages({ base, cookie, feedbackPath }) {
  const list = {};
  if (cookie) list.dashboard = { url: new URL('/', base).href, cookie };
  if (feedbackPath) list.feedbackForm = { url: new URL(feedbackPath, base).href };
  return list;
}

export async function webBudgets({ dist, base, cookie, feedbackPath, runs = 1, desktop = false }) {
  const js = initialJs(dist);
  const report = { budgets: BUDGETS, initialJs: js, lighthouse: {} };
  const routeMax = Math.max(js.gzipBytes, ...Object.values(js.routes ?? {}).map((r) => r.gzipBytes));
  let pass = routeMax <= BUDGETS.initialJsGzipBytes;
  if (base) {
    for (const preset of desktop ? ['mobile', 'desktop'] : ['mobile']) {
      const scores = {};
      for (const [name, page] of Object.entries(pages({ base, cookie, feedbackPath })))
        scores[name] = await lighthousePerformance(page.url, { cookie: page.cookie, preset, runs });
      report.lighthouse[preset] = scores;
    }
    pass &&= Object.values(report.lighthouse.mobile).every((p) => p.score >= BUDGETS.lighthouseScore);
  }
  return { ...report, pass };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function print(report) {
  const { initialJs: js } = report;
  console.log(
    `Initial JS (the largest app, before any page): ${kb(js.gzipBytes)} gzipped (budget ${kb(BUDGETS.initialJsGzipBytes)})`,
  );
  console.log(`  index.html's entry: ${kb(js.entry.gzipBytes)}`);
  for (const f of js.entry.files) console.log(`    ${f.file.padEnd(46)} ${kb(f.gzipBytes)}`);
  for (const [app, a] of Object.entries(js.apps ?? {})) {
    console.log(`  ${app}: ${kb(a.gzipBytes)} (+${kb(a.lazyGzipBytes)} after the entry)`);
    for (const f of a.files.filter((f) => !js.entry.files.some((e) => e.file === f.file)))
      console.log(`    ${f.file.padEnd(46)} ${kb(f.gzipBytes)}`);
  }
  console.log(`Initial CSS: ${kb(js.cssGzipBytes)} gzipped`);
  if (js.routes) {
    console.log('Per route page (entry + app + its chunks):');
    for (const [module, r] of Object.entries(js.routes))
      console.log(`  ${module.padEnd(60)} ${kb(r.gzipBytes)} (+${kb(r.lazyGzipBytes)})`);
  }
  for (const [preset, scores] of Object.entries(report.lighthouse)) {
    console.log(`Lighthouse performance (${preset}):`);
    for (const [name, p] of Object.entries(scores))
      console.log(
        `  ${name.padEnd(13)} ${String(p.score).padStart(3)}  FCP ${p.fcpMs} ms  LCP ${p.lcpMs} ms  TBT ${p.tbtMs} ms  CLS ${p.cls}  (${p.finalUrl})${p.error ? `  ${p.error}` : ''}`,
      );
  }
  console.log(report.pass ? 'Within budget.' : 'Over budget.');
}

async function main() {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'apps/web/dist' },
      base: { type: 'string' },
      cookie: { type: 'string' },
      'feedback-path': { type: 'string' },
      runs: { type: 'string', default: '1' },
      desktop: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const report = await webBudgets({
    dist: resolve(values.dist),
    base: values.base,
    cookie: values.cookie,
    feedbackPath: values['feedback-path'],
    runs: Number(values.runs),
    desktop: values.desktop,
  });
  if (values.json) console.log(JSON.stringify(report));
  else print(report);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
