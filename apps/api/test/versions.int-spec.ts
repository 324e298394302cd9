import { dumpState } from './support/database';
import { code, type SignedIn, signUpOwner, startTestApp, type TestApp } from './support/harness';

// Edits of a customer or a friction point carry the version they were made from: a stale one is
// CONFLICT and changes nothing, so two people editing at once never silently overwrite each other.

let t: TestApp;
let owner: SignedIn;
beforeAll(async () => {
  t = await startTestApp();
  owner = await signUpOwner(t, 'Versioned Bakery');
});
afterAll(() => t.close());

interface Versioned {
  create(): Promise<{ id: string; version: number }>;
  update: string;
  /** Two different edits of the same field. */
  edits: [Record<string, unknown>, Record<string, unknown>];
  read: string;
}

const KINDS: Record<string, Versioned> = {
  customer: {
    create: async () =>
      (await owner.client.ok(`mutation { createCustomer(input: { name: "Vera" }) { id version } }`))
        .createCustomer,
    update: `mutation($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { id version notes } }`,
    edits: [{ notes: 'Prefers mornings' }, { notes: 'Prefers evenings' }],
    read: `query($id: ID!) { node: customer(id: $id) { id version notes } }`,
  },
  'friction point': {
    create: async () =>
      (
        await owner.client.ok(
          `mutation { raiseFrictionPoint(input: { description: "Door sticks", severity: 1 }) { id version } }`,
        )
      ).raiseFrictionPoint,
    update: `mutation($id: ID!, $input: UpdateFrictionPointInput!) {
      updateFrictionPoint(id: $id, input: $input) { id version resolution } }`,
    edits: [
      { status: 'RESOLVED', resolution: 'Oiled the hinge' },
      { status: 'RESOLVED', resolution: 'Replaced the door' },
    ],
    read: `query { node: frictionPoints { id version resolution } }`,
  },
};

async function current(kind: Versioned, id: string) {
  const data = await owner.client.ok(kind.read, { id });
  const node = Array.isArray(data.node) ? data.node.find((p: { id: string }) => p.id === id) : data.node;
  return node as Record<string, unknown>;
}

describe.each(Object.entries(KINDS))('a %s', (_, kind) => {
  it('starts at version 1, and each edit raises it', async () => {
    const created = await kind.create();
    expect(created.version).toBe(1);
    const edited = await owner.client.ok(kind.update, {
      id: created.id,
      input: { ...kind.edits[0], version: 1 },
    });
    expect(Object.values(edited)[0]).toMatchObject({ version: 2 });
  });

  it('refuses an edit from a stale version as CONFLICT, changing nothing', async () => {
    const { id } = await kind.create();
    await owner.client.ok(kind.update, { id, input: { ...kind.edits[0], version: 1 } });
    const before = await dumpState(t.admin);
    const stale = await owner.client.gql(kind.update, { id, input: { ...kind.edits[1], version: 1 } });
    expect(code(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0]?.message).toMatch(/since you opened it/);
    expect(await dumpState(t.admin)).toEqual(before);
  });

  it('lets exactly one of two edits made at once from the same version win, and keeps the winner', async () => {
    const { id } = await kind.create();
    const answers = await Promise.all(
      kind.edits.map((edit) => owner.client.gql(kind.update, { id, input: { ...edit, version: 1 } })),
    );
    const won = answers.filter((a) => !a.errors);
    expect(won).toHaveLength(1);
    expect(answers.map(code).filter(Boolean)).toEqual(['CONFLICT']);
    const winner = Object.values(won[0]?.data ?? {})[0] as Record<string, unknown>;
    expect(await current(kind, id)).toEqual(expect.objectContaining({ ...winner, version: 2 }));
  });

  it('applies an edit without a version unchecked (and still raises the version)', async () => {
    const { id } = await kind.create();
    await owner.client.ok(kind.update, { id, input: kind.edits[0] });
    await owner.client.ok(kind.update, { id, input: kind.edits[1] });
    expect(await current(kind, id)).toMatchObject({ version: 3 });
  });
});

describe('what does not count as an edit', () => {
  it('a contact logged (recomputing health) leaves the customer version as it was', async () => {
    const { id } = await KINDS.customer!.create();
    await owner.client.ok(`mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`, {
      input: {
        customerId: id,
        channel: 'PHONE',
        direction: 'OUTBOUND',
        purpose: 'RELATIONSHIP',
        sentiment: 1,
        summary: 'Hi',
      },
    });
    expect(await current(KINDS.customer!, id)).toMatchObject({ version: 1 });
  });

  it('archiving is an edit: a form opened before it is refused', async () => {
    const { id } = await KINDS.customer!.create();
    await owner.client.ok(`mutation($id: ID!) { archiveCustomer(id: $id) { id } }`, { id });
    const stale = await owner.client.gql(KINDS.customer!.update, { id, input: { notes: 'x', version: 1 } });
    expect(code(stale)).toBe('CONFLICT');
  });
});
