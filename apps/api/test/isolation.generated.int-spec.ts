/**
 * Tenant isolation, generated from the schema. Every query and mutation is called as workspace A
 * with a value of workspace B in one place that names something (an id, deep in inputs too, a
 * link's token, a cursor, a member's email), A's own values everywhere else, and then with an
 * unknown value in that place. B's value must get exactly the answer the unknown one gets, nothing
 * of B may appear in any answer, and no row of B may change. Operations that name nothing run once
 * and must show and change nothing of B.
 *
 * Nobody lists the operations: a new one in schema.graphql is exercised as soon as it lands, and one
 * whose arguments this suite cannot make fails it, naming what is missing.
 *
 * Links are bearer credentials: B's feedback link shows B's form to whoever holds it, by design. So
 * a token place gets B's links of the *other* kinds (an invitation where an audit link goes…), which
 * must work like a random token; the place's own kind is A's link, used to reach B's ids nested
 * beside it (an outsider of A recording an observation at B's touchpoint).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { workspaceRows } from './support/database';
import { type GqlResult, startTestApp, type TestApp, uniqueEmail } from './support/harness';
import { gqlWithSession, sessionOf } from './support/http';
import {
  argumentsOf,
  documentOf,
  isList,
  LINK_KINDS,
  type Operation,
  operations,
  type Position,
  positionsOf,
  type Ref,
  refOf,
  Unsupported,
} from './support/schema-inputs';
import { idsOf, type Links, seedLinks, seedWorkspace, type Tenant } from './support/seed';

/**
 * Operations deliberately not exercised, each with the reason. None so far: even signOut runs (it
 * takes nothing of B; A signs in again after it).
 */
const SKIPPED: Record<string, string> = {};

/** A workspace as the suite uses it: its owner's session, and its values by what they name. */
interface Party {
  tenant: Tenant;
  /** The owner's session token, sent as a cookie; cookies an answer sets are not kept. */
  session: string;
  ids: Record<string, string>;
  links: Links;
  /** A cursor of the operation's connection, by operation (fetched when first needed). */
  cursors: Record<string, string>;
}

let t: TestApp;
let a: Party;
let b: Party;
/** Ids, names, emails, links and cursors of B that no answer to A may contain. */
let markersOfB: string[];

async function party(tenant: Tenant): Promise<Party> {
  return {
    tenant,
    session: await sessionOf(t, tenant.owner.email),
    links: await seedLinks(tenant),
    cursors: {},
    ids: idsOf(tenant),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d\d-\d\dT/;

/** B's stored texts that A's rows do not hold (ids, names, emails, hashes), and B's links. */
async function markersOf(of: Party, other: Party): Promise<string[]> {
  const texts = (rows: Record<string, unknown[]>) =>
    Object.values(rows).flatMap((table) =>
      table.flatMap((row) => Object.values(row as object).filter((v): v is string => typeof v === 'string')),
    );
  const otherText = JSON.stringify(await workspaceRows(t.admin, other.tenant.workspaceId));
  const own = texts(await workspaceRows(t.admin, of.tenant.workspaceId)).filter(
    (text) => (UUID.test(text) || text.length >= 8) && !TIMESTAMP.test(text) && !otherText.includes(text),
  );
  return [...new Set([...own, ...Object.values(of.links)])];
}

beforeAll(async () => {
  t = await startTestApp();
  a = await party(await seedWorkspace(t, 'Alpha', -2, 1, 2));
  b = await party(await seedWorkspace(t, 'Bravo', 2, 4, 9));
  markersOfB = await markersOf(b, a);
}, 60_000);
afterAll(() => t.close());

/** A cursor of `op`'s connection, from `of`'s first page. */
async function cursorOf(of: Party, op: Operation): Promise<string> {
  if (!of.cursors[op.name]) {
    const page = await gqlWithSession(t, of.session, `{ ${op.name}(first: 1) { pageInfo { endCursor } } }`);
    const cursor = (page.data?.[op.name] as { pageInfo?: { endCursor?: string } } | undefined)?.pageInfo
      ?.endCursor;
    if (!cursor) throw new Unsupported(`${op.name}: no cursor to take from ${JSON.stringify(page)}`);
    of.cursors[op.name] = cursor;
    if (of === b) markersOfB.push(cursor);
  }
  return of.cursors[op.name]!;
}

/** The values of `of` that `ref` can take: for A the one its calls use, for B every one to try. */
async function valuesOf(of: Party, op: Operation, ref: Ref): Promise<string[]> {
  switch (ref.kind) {
    case 'id': {
      const id = of.ids[ref.of];
      if (!id) throw new Unsupported(`${op.name}: no seeded ${ref.of} to name`);
      return [id];
    }
    case 'token':
      // A: a link of the kind the operation takes; B: links of every other kind.
      return of === a
        ? [a.links[ref.takes[0]!]]
        : LINK_KINDS.filter((kind) => !ref.takes.includes(kind)).map((kind) => b.links[kind]);
    case 'cursor':
      return [await cursorOf(of, op)];
    case 'email':
      return [of.tenant.owner.email];
  }
}

/** A value of the same shape that names nothing: a new id, token or email, a cursor at a new id. */
function unknownLike(ref: Ref, value: string): string {
  switch (ref.kind) {
    case 'id':
      return randomUUID();
    case 'token':
      return randomBytes(32).toString('base64url');
    case 'cursor': {
      const key = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[];
      const rekeyed = key.map((part) => (typeof part === 'string' && UUID.test(part) ? randomUUID() : part));
      return Buffer.from(JSON.stringify(rekeyed)).toString('base64url');
    }
    case 'email':
      return uniqueEmail('nobody');
  }
}

const placeOf = (position: Position) => position.path.join('.');

interface Probe {
  position: Position;
  ref: Ref;
}

/** Everything needed to call `op`: the places that name something, and A's value for each. */
async function planOf(op: Operation) {
  const probes: Probe[] = positionsOf(op).flatMap((position) => {
    const ref = refOf(op, position);
    return ref ? [{ position, ref }] : [];
  });
  const own = new Map<string, string>();
  for (const probe of probes) own.set(placeOf(probe.position), (await valuesOf(a, op, probe.ref))[0]!);
  const tries = await Promise.all(probes.map((probe) => valuesOf(b, op, probe.ref)));
  /** The arguments with `value` at the probe's place and A's values in the others. */
  const variables = (probe?: Probe, value?: string) =>
    argumentsOf(op, {
      fill: (position) => {
        const place = placeOf(position);
        const chosen = probe && place === placeOf(probe.position) ? value : own.get(place);
        if (chosen === undefined) return undefined;
        return isList(position) ? [chosen] : chosen;
      },
    });
  // Made once here, so an operation this suite cannot make arguments for fails `coverage` too.
  documentOf(op);
  variables();
  return { probes, tries, variables };
}

/** The answer with the value sent in the probed place masked, so two answers compare as equal. */
const masked = (answer: GqlResult, sent: string) =>
  JSON.parse(JSON.stringify(answer).replaceAll(sent, '<sent>'));

/** Calls `op` as A, checking that no row of B changes and no marker of B shows in the answer. */
async function callAsA(op: Operation, variables: Record<string, unknown>, sent?: string) {
  const before = await workspaceRows(t.admin, b.tenant.workspaceId);
  const answer = await gqlWithSession(t, a.session, documentOf(op), variables);
  const text = sent ? JSON.stringify(answer).replaceAll(sent, '<sent>') : JSON.stringify(answer);
  expect({ variables, shownOfB: markersOfB.filter((marker) => text.includes(marker)) }).toEqual({
    variables,
    shownOfB: [],
  });
  expect(await workspaceRows(t.admin, b.tenant.workspaceId)).toEqual(before);
  return answer;
}

/**
 * Why an unknown value's answer does not show that the value was looked up (so B's value could not
 * have been told apart from it), or null. It may be NOT_FOUND, UNAUTHENTICATED (signing in), a
 * BAD_USER_INPUT about that place, or data; anything else (another field refused, CONFLICT…) means
 * the call stopped before the probed place, and the generated arguments need fixing.
 */
function notAboutTheProbe(answer: GqlResult, probe: Probe): string | null {
  for (const error of answer.errors ?? []) {
    const { code, fields = {} } = error.extensions ?? {};
    if (code === 'NOT_FOUND' || code === 'UNAUTHENTICATED') continue;
    const named = Object.keys(fields).some((field) => field.split('.').at(-1) === probe.position.name);
    if (code === 'BAD_USER_INPUT' && named) continue;
    return `${placeOf(probe.position)}: the answer is not about it: ${JSON.stringify(answer)}`;
  }
  return null;
}

/** Signs A in again when a call ended its session (signOut). */
async function keepSignedIn() {
  const me = await gqlWithSession(t, a.session, '{ me { id } }');
  if (!me.data?.me) a.session = await sessionOf(t, a.tenant.owner.email);
}

const exercised = operations().filter((op) => !(op.name in SKIPPED));

describe.each(exercised.map((op) => [op.name, op] as const))('%s as A', (_, op) => {
  afterEach(keepSignedIn);

  it("answers B's values exactly as unknown ones, showing and changing nothing of B", async () => {
    const { probes, tries, variables } = await planOf(op);
    if (probes.length === 0) await callAsA(op, variables());
    for (const [i, probe] of probes.entries()) {
      for (const ofB of tries[i]!) {
        const unknown = unknownLike(probe.ref, ofB);
        const withB = await callAsA(op, variables(probe, ofB), ofB);
        const withUnknown = await callAsA(op, variables(probe, unknown), unknown);
        expect(notAboutTheProbe(withUnknown, probe)).toBeNull();
        const place = placeOf(probe.position);
        if (op.type === 'query' && probe.ref.kind !== 'cursor') {
          // A's own value must get another answer, or the place is not looked at: a vacuous probe.
          // (Queries only, which change nothing. A cursor is a place in A's own list, not a lookup.)
          const own = await callAsA(op, variables());
          expect({ place, answer: own }).not.toEqual({ place, answer: masked(withUnknown, unknown) });
        }
        expect({ place, answer: masked(withB, ofB) }).toEqual({
          place,
          answer: masked(withUnknown, unknown),
        });
      }
    }
  });
});

describe('coverage', () => {
  it('exercises every operation of the schema but the skipped ones, each skip with a reason', async () => {
    const names = operations().map((op) => op.name);
    expect(Object.keys(SKIPPED).filter((name) => !names.includes(name))).toEqual([]);
    expect(Object.values(SKIPPED).filter((reason) => reason.trim().length < 10)).toEqual([]);
    const unsupported: string[] = [];
    for (const op of exercised) {
      await planOf(op).catch((error: unknown) => {
        if (!(error instanceof Unsupported)) throw error;
        unsupported.push(error.message);
      });
    }
    expect(unsupported).toEqual([]);
  });
});
