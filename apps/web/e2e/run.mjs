#!/usr/bin/env node
// Browser test of the real app: runs the README's `npm start` (build what is missing, migrate, serve
// the API and the web client) on a free port with a throw-away embedded PostgreSQL, then drives
// Debian's Chromium through the main path:
// sign up → create customers → find one by search → open its page → log a past relationship contact
// (the customer is now overdue) → from the dashboard's overdue list, log a check-in in one tap and see
// the customer leave the list → plan a check-in and mark it done from My check-ins → map touchpoints,
// create an audit for an outsider, who (in a second browser, on a phone-sized screen, with no account)
// records two steps, one a letdown, and submits → the owner sees the friction point and the heat map →
// a survey, a feedback request; the customer answers 3 on a phone → the follow-up and the health move.
// Also runs axe-core on each page.
//
// Needs Chromium (`apt-get install -y chromium`).
// Env: CHROMIUM_PATH (default /usr/bin/chromium), E2E_KEEP_DATA=1 keeps the temporary data dir.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../chromium.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const artifacts = join(here, 'artifacts');
const chromiumPath = CHROMIUM_PATH;
const READY_TIMEOUT_MS = 300_000; // includes building whatever is not built yet
const STEP_TIMEOUT_MS = 20_000;

const CHROMIUM_OPTIONS = {
  executablePath: chromiumPath,
  headless: true,
  args: CHROMIUM_FLAGS,
};

let server;
let dataDir;
let context;
/** A second browser: the outside auditor, who has no account and no cookies. */
let outsiderBrowser;
let userDataDir;
let step = 'setup';

function log(message) {
  console.log(`[e2e] ${message}`);
}

async function freePort() {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address();
  probe.close();
  await once(probe, 'close');
  return port;
}

function startServer(port) {
  const logFile = createWriteStream(join(artifacts, 'server.log'));
  const env = { ...process.env, PORT: String(port), RAPPORT_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  env.PUBLIC_URL = `http://localhost:${port}`;
  delete env.DATABASE_URL; // no DATABASE_URL: the app embeds PostgreSQL
  // Its own process group, so the embedded PostgreSQL goes down with it.
  const child = spawn('npm', ['start'], { cwd: repoRoot, env, detached: true, stdio: 'pipe' });
  child.stdout.pipe(logFile);
  child.stderr.pipe(logFile);
  return child;
}

async function waitForReady(base) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      const res = await fetch(`${base}/readyz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`GET /readyz did not answer 200 within ${READY_TIMEOUT_MS / 1000}s`);
}

async function stopServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = once(server, 'exit');
  const signalGroup = (signal) => {
    try {
      process.kill(-server.pid, signal);
    } catch {
      // already gone
    }
  };
  signalGroup('SIGTERM');
  const timeout = new Promise((r) => setTimeout(r, 15_000, 'timeout'));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    log('server did not stop within 15s; killing it');
    signalGroup('SIGKILL');
    await exited;
  }
  // npm exits before its children: wait until the app and its PostgreSQL have gone too, or the
  // data directory is removed under a database still writing to it.
  for (let waited = 0; groupAlive(server.pid) && waited < 15_000; waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs axe-core on the current page; fails on serious or critical violations. */
async function checkA11y(page, name) {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of violations) {
    log(`  axe ${name}: ${v.impact} ${v.id} (${v.nodes}×): ${v.help} — ${v.targets.join(', ')}`);
  }
  if (blocking.length > 0)
    throw new Error(`accessibility violations on ${name}: ${blocking.map((v) => v.id)}`);
}

async function run() {
  if (!existsSync(chromiumPath))
    throw new Error(`no Chromium at ${chromiumPath} (apt-get install -y chromium)`);
  mkdirSync(artifacts, { recursive: true });
  dataDir = await mkdtemp(join(tmpdir(), 'rapport-e2e-data-'));
  userDataDir = await mkdtemp(join(tmpdir(), 'rapport-e2e-chromium-'));

  step = 'start the server';
  const port = await freePort();
  const base = `http://localhost:${port}`;
  server = startServer(port);
  log(`starting the app on ${base} (data in ${dataDir})`);
  await waitForReady(base);
  log('app is ready');

  step = 'launch Chromium';
  context = await chromium.launchPersistentContext(userDataDir, {
    ...CHROMIUM_OPTIONS,
    viewport: { width: 1280, height: 860 },
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  const suffix = Date.now().toString(36);
  const owner = {
    name: 'Olivia Owner',
    email: `olivia-${suffix}@example.com`,
    password: 'a long enough password',
  };
  const target = `Beatrice Baker ${suffix}`;
  const other = `Carlos Diaz ${suffix}`;

  step = 'be sent to sign in from an app page';
  await page.goto(`${base}/customers`);
  await page.waitForURL(
    (url) => url.pathname === '/sign-in' && url.searchParams.get('next') === '/customers',
  );
  await checkA11y(page, 'sign-in');

  step = 'sign up';
  await page.getByRole('link', { name: 'Create a workspace' }).click();
  await page.waitForURL((url) => url.pathname === '/sign-up');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByText('Required').first().waitFor(); // client-side validation, nothing sent
  await page.getByLabel('Business name').fill(`E2E Bakery ${suffix}`);
  await page.getByLabel('Your name').fill(owner.name);
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.waitForURL((url) => url.pathname === '/customers');
  await page.getByText('Add your first customer').waitFor();
  await checkA11y(page, 'customers (empty)');

  const createCustomer = async (name, company, tag) => {
    await page.goto(`${base}/customers/new`);
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel(/^Company/).fill(company);
    await page.getByLabel(/^Tags/).fill(`${tag},`);
    await page.getByRole('button', { name: '+ Add a fact' }).click();
    await page.getByLabel('Fact 1 label').fill('Favourite pastry');
    await page.getByLabel('Fact 1 value').fill('Almond croissant');
    await page.getByRole('button', { name: 'Create customer' }).click();
    await page.waitForURL((url) => /^\/customers\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByRole('heading', { level: 1, name }).waitFor();
  };

  step = 'create customers';
  await createCustomer(target, 'Baker & Daughters', 'vip');
  await checkA11y(page, 'customer page');
  await createCustomer(other, 'Diaz Imports', 'wholesale');

  step = 'find the customer by search';
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
  await page.waitForURL((url) => url.pathname === '/customers');
  const list = page.getByRole('list', { name: 'Customers' });
  await list.getByRole('link', { name: other }).waitFor();
  await page.getByRole('searchbox', { name: 'Search' }).fill(`beatrice baker ${suffix}`);
  await page.waitForURL((url) => url.searchParams.get('q') === `beatrice baker ${suffix}`);
  await list.getByRole('link', { name: other }).waitFor({ state: 'detached' });
  const found = list.getByRole('link', { name: target });
  await found.waitFor();
  await page.getByText('1 customer match').waitFor();
  await checkA11y(page, 'customers (search)');

  step = "open the customer's page";
  await found.click();
  await page.waitForURL((url) => /^\/customers\/[0-9a-f-]{36}$/.test(url.pathname));
  await page.getByRole('heading', { level: 1, name: target }).waitFor();
  await page.getByText('Almond croissant').waitFor();
  await page.screenshot({ path: join(artifacts, 'customer-page.png'), fullPage: true });

  step = 'log a relationship contact 45 days ago';
  const customerUrl = page.url();
  const main = page.getByRole('main');
  await main.getByRole('button', { name: 'Log interaction' }).click();
  await main.getByRole('button', { name: 'More details' }).click();
  await main.getByLabel(/^Channel/).selectOption('PHONE');
  const past = new Date(Date.now() - 45 * 86_400_000);
  const local = new Date(past.getTime() - past.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await main.getByLabel(/^When/).fill(local);
  await main.getByLabel(/^Summary/).fill('Called to ask how the new shop is going');
  await main.getByRole('button', { name: 'Log interaction' }).click();
  await page.getByText('Interaction logged.').waitFor();
  await main.getByText('Called to ask how the new shop is going').waitFor();
  await main.getByText('Overdue', { exact: true }).first().waitFor();

  step = 'see the customer among overdue check-ins on the dashboard';
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  const logCheckIn = page.getByRole('link', { name: `Log check-in with ${target}` });
  await logCheckIn.waitFor();
  await checkA11y(page, 'dashboard');
  await page.screenshot({ path: join(artifacts, 'dashboard-overdue.png'), fullPage: true });

  step = 'log the check-in in one tap';
  await logCheckIn.click();
  await page.waitForURL(
    (url) => url.href.startsWith(customerUrl) && url.searchParams.get('log') === 'check-in',
  );
  const summary = main.getByLabel(/^Summary/);
  await summary.waitFor();
  // The form opens with the summary focused: typing is the only step left before sending.
  await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
  await page.keyboard.type('Dropped by with a thank-you card');
  await main.getByRole('button', { name: 'Log interaction' }).click();
  await page.getByText('Interaction logged.').waitFor();
  await main.getByText('Dropped by with a thank-you card').waitFor();

  step = 'see the customer leave the overdue list';
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByText('No overdue check-ins — nice work').waitFor();
  await page.getByRole('link', { name: `Log check-in with ${target}` }).waitFor({ state: 'detached' });
  await page.screenshot({ path: join(artifacts, 'dashboard.png'), fullPage: true });

  step = 'plan a check-in, then mark it done from My check-ins';
  await page.goto(customerUrl);
  await main.getByRole('button', { name: 'Plan a check-in' }).click();
  const today = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
  await main.getByLabel(/^Due date/).fill(today);
  await main.getByRole('button', { name: 'Plan check-in' }).click();
  await page.getByText(/Check-in planned for/).waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My check-ins' }).click();
  await page.waitForURL((url) => url.pathname === '/check-ins');
  const planned = page.getByRole('list', { name: 'Planned check-ins' });
  await planned.getByText(target).waitFor();
  await checkA11y(page, 'my check-ins');
  await planned.getByRole('button', { name: 'Done' }).click();
  await page.getByLabel(/^How did it go/).fill('Talked about their spring plans');
  await page.getByRole('button', { name: 'Mark done' }).click();
  await page.getByText('Nothing due this week').waitFor();

  step = 'phone-sized screen';
  await page.setViewportSize({ width: 375, height: 812 });
  await page.getByRole('button', { name: 'Open menu' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
  await page.waitForURL((url) => url.pathname === '/customers');
  await list.getByRole('link', { name: target }).waitFor();
  const fitsPhone = async (name) => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) throw new Error(`the ${name} page is ${overflow}px wider than a 375px screen`);
    await page.screenshot({ path: join(artifacts, `${name}-phone.png`), fullPage: true });
  };
  await fitsPhone('customers');
  await list.getByRole('link', { name: target }).click();
  await page.getByRole('heading', { level: 1, name: target }).waitFor();
  await page.getByText('Dropped by with a thank-you card').waitFor();
  await fitsPhone('customer');
  await page.getByRole('button', { name: 'Open menu' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await page.getByText('No overdue check-ins — nice work').waitFor();
  await fitsPhone('dashboard');

  step = 'map two touchpoints';
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(`${base}/touchpoints`);
  const addTouchpoint = async (name, channel, stage, momentOfTruth) => {
    await page
      .getByRole('button', { name: /^Add (a )?touchpoint$/ })
      .first()
      .click();
    const form = page.getByRole('form', { name: 'New touchpoint' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Channel').selectOption(channel);
    await form.getByLabel('Journey stage').selectOption(stage);
    if (momentOfTruth) await form.getByLabel('Moment of truth').check();
    await form.getByRole('button', { name: 'Add touchpoint' }).click();
    await form.waitFor({ state: 'detached' });
  };
  await addTouchpoint('Booking line', 'PHONE', 'BUY', false);
  await addTouchpoint('Repair counter', 'STORE', 'USE', true);

  step = 'create an audit for an outsider';
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audits' }).click();
  await page.waitForURL((url) => url.pathname === '/audits');
  await page.goto(`${base}/audits/new`);
  await page.getByLabel('Title').fill('Book and collect a repair');
  await page.getByLabel('Scenario').fill('Phone to book a repair, then collect it at the counter');
  await page.getByLabel(/Booking line/).check();
  await page.getByLabel(/Repair counter/).check();
  await page.getByLabel(/An outsider, by link/).check();
  await page.getByLabel("Auditor's name").fill('Nina Neighbour');
  await page.getByRole('button', { name: 'Create audit' }).click();
  const linkField = page.getByLabel('Audit link');
  await linkField.waitFor();
  const auditLink = await linkField.inputValue();
  if (!auditLink.startsWith(`${base}/a/`)) throw new Error(`unexpected audit link ${auditLink}`);
  await page.getByRole('img', { name: /QR code of the audit link/ }).waitFor();
  await checkA11y(page, 'audit created');

  step = 'the outsider walks the audit on a phone, without an account';
  outsiderBrowser = await chromium.launch(CHROMIUM_OPTIONS);
  const phone = await outsiderBrowser.newPage({ viewport: { width: 375, height: 812 } });
  phone.setDefaultTimeout(STEP_TIMEOUT_MS);
  phone.on('pageerror', (error) => pageErrors.push(`auditor: ${error.message}`));
  await phone.goto(auditLink);
  await phone.getByText('Step 1 of 2').waitFor();
  await checkA11y(phone, 'auditor step');
  const recordStep = async (experienced, surprise, friction, ratings, wouldReturn) => {
    await phone.getByLabel('What happened?').fill(experienced);
    await phone
      .getByRole('group', { name: 'Anything surprising?' })
      .getByRole('radio', { name: surprise })
      .check();
    await phone.getByRole('group', { name: 'Friction' }).getByRole('radio', { name: friction }).check();
    const groups = ['Accuracy', 'Availability', 'Partnership', 'Advice'];
    for (const [i, factor] of groups.entries()) {
      await phone
        .getByRole('group', { name: new RegExp(`^${factor}`) })
        .getByRole('radio', { name: new RegExp(`^${ratings[i]} `) })
        .check();
    }
    await phone
      .getByRole('group', { name: 'Would this make you want to return?' })
      .getByRole('radio', { name: wouldReturn ? 'Yes' : 'No' })
      .check();
    await phone.getByRole('button', { name: /^Save & (next|review)$/ }).click();
  };
  await recordStep('Answered in two rings, booked in a minute', /^None/, /^None/, [5, 5, 4, 4], true);
  await phone.getByText('Step 2 of 2').waitFor();
  await recordStep('Nobody at the counter for ten minutes', /^Letdown/, /^Obstacle/, [3, 1, 2, 3], false);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) throw new Error(`the auditor page is ${overflow}px wider than a 375px screen`);
  await phone.screenshot({ path: join(artifacts, 'auditor-summary-phone.png'), fullPage: true });
  await phone.getByRole('button', { name: 'Submit audit' }).click();
  await phone.getByText('This audit is closed').waitFor();
  await outsiderBrowser.close();

  step = 'the owner sees the friction point and the heat map';
  await page.goto(`${base}/friction`);
  await page.getByText('Nobody at the counter for ten minutes', { exact: false }).first().waitFor();
  await checkA11y(page, 'friction board');
  await page.screenshot({ path: join(artifacts, 'friction-board.png'), fullPage: true });
  await page.goto(`${base}/touchpoints`);
  const heatMap = page.getByRole('table');
  await heatMap.getByRole('rowheader', { name: /Repair counter/ }).waitFor();
  const counterRow = heatMap.getByRole('row', { name: /Repair counter/ });
  await counterRow.getByText('1.0').first().waitFor(); // availability 1
  await checkA11y(page, 'touchpoints heat map');
  await page.screenshot({ path: join(artifacts, 'heat-map.png'), fullPage: true });

  step = 'create a survey bound to the repair counter';
  await page.goto(`${base}/feedback`);
  await page.getByRole('button', { name: 'New survey' }).click();
  const surveyForm = page.getByRole('form', { name: 'New survey' });
  await surveyForm.getByLabel('Name').fill('After a repair');
  await surveyForm.getByLabel('Type').selectOption('NPS');
  await surveyForm.getByLabel('Question').fill('How likely are you to recommend us to a friend?');
  await surveyForm.getByLabel(/^Touchpoint/).selectOption({ label: 'Repair counter' });
  await surveyForm.getByRole('button', { name: 'Create survey' }).click();
  await surveyForm.waitFor({ state: 'detached' });
  await checkA11y(page, 'feedback page');

  step = 'ask the customer for feedback';
  await page.goto(customerUrl);
  const healthScore = async () => {
    const text = await main
      .getByText(/^Health \d+ of 100/)
      .first()
      .textContent();
    return Number(/Health (\d+)/.exec(text ?? '')?.[1]);
  };
  const scoreBefore = await healthScore();
  await main.getByRole('button', { name: 'Ask for feedback' }).click();
  const ask = page.getByRole('form', { name: 'Ask for feedback' });
  await ask.getByLabel('Survey').selectOption({ label: 'After a repair (NPS)' });
  await ask.getByRole('button', { name: 'Create link' }).click();
  const feedbackField = page.getByLabel('Feedback link');
  await feedbackField.waitFor();
  const feedbackLink = await feedbackField.inputValue();
  if (!feedbackLink.startsWith(`${base}/f/`)) throw new Error(`unexpected feedback link ${feedbackLink}`);

  step = 'the customer answers 3 on a phone, in two taps and a comment';
  const customerBrowser = await chromium.launch(CHROMIUM_OPTIONS);
  try {
    const form = await customerBrowser.newPage({ viewport: { width: 375, height: 812 } });
    form.setDefaultTimeout(STEP_TIMEOUT_MS);
    form.on('pageerror', (error) => pageErrors.push(`customer: ${error.message}`));
    await form.goto(feedbackLink);
    await form.getByText('How likely are you to recommend us to a friend?').waitFor();
    await checkA11y(form, 'feedback form');
    const formOverflow = await form.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (formOverflow > 0) throw new Error(`the feedback form is ${formOverflow}px wider than a 375px screen`);
    await form.getByRole('radio', { name: '3', exact: true }).check();
    await form.getByLabel(/Anything you would like to add/).fill('The repair took three weeks');
    await form.getByRole('button', { name: 'Send' }).click();
    await form.getByRole('heading', { name: 'Thank you!' }).waitFor();
    await form.screenshot({ path: join(artifacts, 'feedback-form-phone.png'), fullPage: true });
  } finally {
    await customerBrowser.close();
  }

  step = "the owner sees the follow-up and the customer's health move";
  await page.goto(`${base}/friction`);
  await page
    .getByText(/Low NPS 3\/10/)
    .first()
    .waitFor();
  await page.goto(customerUrl);
  await main
    .getByText(/NPS 3\/10/)
    .first()
    .waitFor();
  const scoreAfter = await healthScore();
  if (!(scoreAfter < scoreBefore)) {
    throw new Error(`health did not move down after a low answer: ${scoreBefore} → ${scoreAfter}`);
  }
  log(`health after a low answer: ${scoreBefore} → ${scoreAfter}`);
  await page.screenshot({ path: join(artifacts, 'customer-after-feedback.png'), fullPage: true });

  if (pageErrors.length > 0) throw new Error(`errors in the page: ${pageErrors.join('; ')}`);
}

async function cleanUp() {
  await outsiderBrowser?.close().catch(() => {});
  await context?.close().catch(() => {});
  await stopServer();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  if (dataDir && !process.env.E2E_KEEP_DATA) await rm(dataDir, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    log(`interrupted (${signal}); stopping the server`);
    void cleanUp().finally(() => process.exit(130));
  });
}

const started = Date.now();
try {
  await run();
  await cleanUp();
  console.log(
    `E2E PASS: sign up → customers → overdue → one-tap check-in → planned check-in → outsider audit → friction and heat map → feedback closes the loop (${Date.now() - started} ms)`,
  );
  process.exit(0);
} catch (error) {
  if (context) {
    const page = context.pages()[0];
    await page?.screenshot({ path: join(artifacts, 'failure.png'), fullPage: true }).catch(() => {});
  }
  await cleanUp();
  console.error(`E2E FAIL at "${step}": ${error instanceof Error ? error.message : error}`);
  console.error(`  artifacts (screenshots, server.log): ${artifacts}`);
  process.exit(1);
}
