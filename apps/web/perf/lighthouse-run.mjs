import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../chromium.mjs';

/** Lighthouse's own configurations: mobile (its default: Moto G Power, simulated slow 4G) or desktop. */
const PRESETS = { mobile: undefined, desktop: desktopConfig };

function summary(lhr) {
  const ms = (id) => Math.round(lhr.audits[id]?.numericValue ?? Number.NaN);
  return {
    url: lhr.requestedUrl,
    finalUrl: lhr.finalDisplayedUrl,
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    fcpMs: ms('first-contentful-paint'),
    lcpMs: ms('largest-contentful-paint'),
    tbtMs: ms('total-blocking-time'),
    cls: Number((lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN).toFixed(3)),
    speedIndexMs: ms('speed-index'),
    ...(lhr.runtimeError ? { error: lhr.runtimeError.message } : {}),
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Lighthouse's performance category for one URL in a fresh headless Chromium (a new profile each
 * run). With several runs, the run with the median score is reported (Lighthouse varies run to run).
 */
export async function lighthousePerformance(
  url,
  { cookie, preset = 'mobile', runs = 1, chromePath = CHROMIUM_PATH } = {},
) {
  const results = [];
  for (let run = 0; run < runs; run++) {
    const userDataDir = await mkdtemp(join(tmpdir(), 'rapport-lighthouse-'));
    const chrome = await launch({ chromePath, chromeFlags: CHROMIUM_FLAGS, userDataDir });
    try {
      const result = await lighthouse(
        url,
        {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
          ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
        },
        PRESETS[preset],
      );
      if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
      results.push(summary(result.lhr));
    } finally {
      chrome.kill();
      await rm(userDataDir, { recursive: true, force: true });
    }
  }
  const scores = results.map((r) => r.score);
  const score = median(scores);
  // Every run's score beside the median run's metrics: the spread is part of the measurement.
  return { ...results.find((r) => r.score === score), preset, runs, scores };
}
