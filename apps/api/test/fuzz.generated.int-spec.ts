/**
 * Hostile and malformed input, generated from the schema with fast-check: for every mutation that
 * takes arguments, valid arguments with one place made hostile (see support/hostile-inputs.ts), and
 * bodies with bytes that are not UTF-8 — over 10,000 requests in all. Every answer must carry only
 * the contract's error codes, never INTERNAL_SERVER_ERROR, a stack trace or a database's words, and
 * be hardly larger than the request; a refused request must not change the number of rows of any
 * table; the process must stay up and its memory flat.
 *
 * Runs are reproducible: the seed is fixed (a red CI run is then a real finding, not bad luck) and
 * printed; FUZZ_SEED=<n> repeats a run, FUZZ_SEED=random explores new inputs.
 */
import { randomInt } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ERROR_CODES } from '@rapport/domain';
import fc from 'fast-check';
import { getNamedType } from 'graphql';
import { rowCounter } from './support/database';
import { startTestApp, type TestApp } from './support/harness';
import { hostileRequest, invalidUtf8 } from './support/hostile-inputs';
import { rawPoster, sessionOf } from './support/http';
import {
  argumentsOf,
  documentOf,
  type Fill,
  isList,
  isWithin,
  type Operation,
  operations,
  positionsOf,
  refOf,
} from './support/schema-inputs';
import { idsOf, type Links, seedLinks, seedWorkspace, type Tenant } from './support/seed';

const SEED =
  process.env.FUZZ_SEED === 'random' ? randomInt(2 ** 31) : Number(process.env.FUZZ_SEED ?? 20_251_201);
const TOTAL_REQUESTS = 10_000;
const UTF8_REQUESTS = 480;
/**
 * The heap, after a full garbage collection, is sampled every 1,000 requests from the 1,000th on
 * (the first ones warm up code paths and caches). No sample may exceed the lowest one before it by
 * this much: a leak only grows, whereas garbage other test files leave for later (the whole suite
 * runs in one process) only makes the heap drop. Observed: within ±1.5 MB over 9,500 requests. A
 * leak of one kilobyte per request, or of one in thirty of the ~300 nearly-1 MB inputs, would
 * cross it.
 */
const HEAP_GROWTH_BOUND = 8 * 2 ** 20;

/** Mutations that take arguments (one without has nothing to fuzz: signOut). */
const fuzzed = operations().filter((op) => op.type === 'mutation' && op.field.args.length > 0);
const byName = new Map(fuzzed.map((op) => [op.name, op]));

let t: TestApp;
let tenant: Tenant;
let links: Links;
let session: string;
let poster: ReturnType<typeof rawPoster>;
let countRows: () => Promise<Record<string, number>>;
let counts: Record<string, number>;
let sent = 0;
/** The heap after a full garbage collection, every 1,000 requests. */
const heapSamples: number[] = [];
/** Answers by kind of input and outcome (`a NUL byte → BAD_USER_INPUT`), for the summary printed at the end. */
const outcomes = new Map<string, number>();

/** An answer may outgrow its request by this much (a created row with its related ones), no more. */
const ANSWER_SLACK = 16 * 1024;
/** Rate-limit counters are written on purpose by refused requests (failed sign-ins count). */
const NOT_WRITES = ['rate_limit_events'];
/** Counters are reset this often, so requests reach validation rather than only the limiter. */
const RESET_LIMITS_EVERY = 200;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapUsed = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

beforeAll(async () => {
  t = await startTestApp();
  tenant = await seedWorkspace(t, 'Fuzzed', 1, 3, 7);
  links = await seedLinks(tenant);
  session = await sessionOf(t, tenant.owner.email);
  await t.app.listen(0, '127.0.0.1');
  poster = rawPoster((t.app.getHttpServer().address() as AddressInfo).port);
  countRows = await rowCounter(t.admin, NOT_WRITES);
  counts = await countRows();
  process.stderr.write(`fuzz seed ${SEED} (FUZZ_SEED=${SEED} repeats this run)\n`);
}, 60_000);
afterAll(async () => {
  poster?.close();
  await t.close();
});

/** Valid values for the places that name something: the seeded workspace's. */
const namedValues =
  (op: Operation): Fill =>
  (position) => {
    const ref = refOf(op, position);
    if (!ref) return undefined;
    const value =
      ref.kind === 'id'
        ? idsOf(tenant)[ref.of]
        : ref.kind === 'token'
          ? links[ref.takes[0]!]
          : ref.kind === 'email'
            ? tenant.owner.email
            : undefined;
    if (value === undefined) throw new Error(`${op.name}: no value for ${position.path.join('.')}`);
    return isList(position) ? [value] : value;
  };

/** Every text a request carries, and object keys (extra fields are named back in errors). */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [k, ...textsOf(v)]);
  return [];
}

/** What an answer must never show: codes, traces, file paths, the database's words. */
const INTERNALS =
  /INTERNAL_SERVER_ERROR|stacktrace|\bat \S+ \(|\.[cm]?[jt]s:\d|node_modules|(?:^|[\s("'])\/[\w.-]+\/[\w.-]+|TypeORM|QueryFailed|EntityNotFound|violates|constraint|duplicate key|relation "|column "|invalid input syntax|out of range|SQLSTATE|\bpg_|postgres/i;

/** Internals an answer shows, after taking out what the request itself sent (values are echoed in errors). */
function internalsIn(text: string, sentTexts: string[]): string[] {
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    return [`not JSON: ${text.slice(0, 200)}`];
  }
  const echoes = sentTexts
    .filter((s) => s.length >= 3)
    .flatMap((s) => [s, JSON.stringify(s).slice(1, -1)])
    .sort((x, y) => y.length - x.length);
  const scrub = (s: string) => echoes.reduce((rest, echo) => rest.split(echo).join('…'), s);
  const found = textsOf(answer).flatMap((s) => INTERNALS.exec(scrub(s))?.[0] ?? []);
  const errors = (answer as { errors?: { extensions?: { code?: string } }[] }).errors ?? [];
  const codes = errors.map((e) => e.extensions?.code);
  const bad = codes.filter((c) => !ERROR_CODES.includes(c as never) || c === 'INTERNAL_SERVER_ERROR');
  return [...found, ...bad.map((c) => `code ${c}`)];
}

const refused = (op: Operation, text: string) => {
  const answer = JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: unknown[] };
  return (answer.errors?.length ?? 0) > 0 && answer.data?.[op.name] == null;
};

/**
 * Operations that open a session end the one the request carries (sessions rotate at sign-in):
 * they are sent without the owner's, which the rest of the run needs.
 */
const OPENS_A_SESSION = new Set(['signIn', 'signUp', 'acceptInvitation']);

/** Sends one body and checks its answer: no internals, and nothing written if it was refused. */
async function exchange(op: Operation, body: Buffer, sentTexts: string[]) {
  const before = counts;
  const res = await poster.post(body, OPENS_A_SESSION.has(op.name) ? undefined : session);
  counts = await countRows();
  if (++sent % RESET_LIMITS_EVERY === 0) await t.admin.query('delete from rate_limit_events');
  if (sent % 1_000 === 0) heapSamples.push(heapUsed());
  const problems = res.status >= 500 ? [`HTTP ${res.status}`] : [];
  problems.push(...internalsIn(res.text, sentTexts));
  const answered = Buffer.byteLength(res.text);
  if (answered > body.length + ANSWER_SLACK) problems.push(`${body.length} bytes answered with ${answered}`);
  if (problems.length === 0 && refused(op, res.text)) {
    const changed = Object.keys(counts).filter((table) => counts[table] !== before[table]);
    if (changed.length > 0) problems.push(`a refused request wrote rows to ${changed.join(', ')}`);
  }
  if (problems.length > 0) throw new Error(`${problems.join('; ')}\nanswer: ${res.text.slice(0, 600)}`);
  return res;
}

/** A request for the report: long texts cut short. */
const summary = (value: unknown) =>
  JSON.stringify(value, (_, v) =>
    typeof v === 'string' && v.length > 60 ? `${v.slice(0, 40)}…(${v.length} chars)` : v,
  );

const options = <T>(numRuns: number): fc.Parameters<T> => ({
  seed: SEED,
  numRuns,
  reporter: (run) => {
    if (!run.failed) return;
    throw new Error(
      `fast-check seed ${run.seed}, path "${run.counterexamplePath}" (FUZZ_SEED=${run.seed} repeats it),` +
        ` after ${run.numRuns} runs and ${run.numShrinks} shrinks:\n${summary(run.counterexample)}\n${run.errorInstance}`,
    );
  },
});

/** A hostile request of any of the mutations, spread evenly, so all are warm long before the end. */
const anyMutation = fc
  .constantFrom(...fuzzed)
  .chain((op) => hostileRequest(op, namedValues(op)).map((request) => ({ operation: op.name, ...request })));

describe('mutations', () => {
  it(`answer ${TOTAL_REQUESTS} hostile inputs without internals, and write nothing when they refuse`, async () => {
    const documents = new Map(fuzzed.map((op) => [op.name, documentOf(op)]));
    const property = fc.asyncProperty(anyMutation, async ({ operation, variables, how }) => {
      const body = Buffer.from(JSON.stringify({ query: documents.get(operation), variables }));
      const res = await exchange(byName.get(operation)!, body, textsOf(variables));
      const outcome = `${how} → ${JSON.parse(res.text).errors?.[0]?.extensions?.code ?? 'accepted'}`;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    });
    await fc.assert(property, options(TOTAL_REQUESTS));
  }, 180_000);
});

describe('bodies that are not UTF-8', () => {
  const PLACEHOLDER = 'XBYTESX';
  /** A valid request of `op` with the bytes inside one of its texts. */
  function bodyWith(op: Operation, bytes: number[], pick: number): Buffer {
    const texts = positionsOf(op).filter((p) => ['String', 'ID'].includes(getNamedType(p.type).name));
    const target = texts[pick % texts.length]!;
    const variables = argumentsOf(op, {
      include: (p) => isWithin(target, p),
      fill: (p) => (isWithin(p, target) ? (isList(p) ? [PLACEHOLDER] : PLACEHOLDER) : namedValues(op)(p)),
    });
    const [before, after] = JSON.stringify({ query: documentOf(op), variables }).split(PLACEHOLDER);
    return Buffer.concat([Buffer.from(`${before}Probe`), Buffer.from(bytes), Buffer.from(`text${after}`)]);
  }

  it(`answers ${UTF8_REQUESTS} of them with HTTP 400 and BAD_USER_INPUT, writing nothing`, async () => {
    const property = fc.asyncProperty(
      fc.constantFrom(...byName.keys()),
      invalidUtf8,
      fc.nat(),
      async (name, bytes, pick) => {
        const op = byName.get(name)!;
        const res = await exchange(op, bodyWith(op, [...bytes], pick), []);
        expect({ status: res.status, code: JSON.parse(res.text).errors?.[0]?.extensions?.code }).toEqual({
          status: 400,
          code: 'BAD_USER_INPUT',
        });
      },
    );
    await fc.assert(property, options(UTF8_REQUESTS));
  }, 60_000);
});

describe('afterwards', () => {
  it(`has sent at least ${TOTAL_REQUESTS} requests, and the app still answers`, async () => {
    const lines = [...outcomes].sort(([x], [y]) => x.localeCompare(y)).map(([o, n]) => `  ${n} ${o}`);
    process.stderr.write(`${sent} requests sent; the mutations' answers:\n${lines.join('\n')}\n`);
    expect(sent).toBeGreaterThanOrEqual(TOTAL_REQUESTS);
    const res = await fetch(
      `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/healthz`,
    );
    expect(res.status).toBe(200);
    const me = await poster.post(Buffer.from(JSON.stringify({ query: '{ me { id } }' })), session);
    expect(JSON.parse(me.text)).toEqual({ data: { me: { id: tenant.owner.memberId } } });
  });

  it(`keeps its heap within ${HEAP_GROWTH_BOUND / 2 ** 20} MB of its lowest so far, from the 1,000th request on`, () => {
    heapSamples.push(heapUsed());
    const rises = heapSamples.map((sample, i) => sample - Math.min(...heapSamples.slice(0, i + 1)));
    const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
    process.stderr.write(
      `heap samples (MB): ${heapSamples.map(mb).join(' ')}; largest rise ${mb(Math.max(...rises))} MB\n`,
    );
    expect(heapSamples.length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...rises)).toBeLessThan(HEAP_GROWTH_BOUND);
  });
});
