import type { EntityManager } from 'typeorm';
import { Db } from '../src/database/db.service';
import { rawHydrator } from '../src/database/raw-hydration';
import { customerQuery, readCustomers } from '../src/modules/customers/customer-query';
import { InteractionEntity } from '../src/modules/interactions/interaction.entity';
import { signUpOwner, startTestApp, type TestApp } from './support/harness';
import { fullAndBareCustomers } from './support/seed';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('builds customers and their owners exactly as TypeORM does, with or without the health document', async () => {
  const owner = await signUpOwner(t, 'Hydration Bakery');
  const { staff } = await fullAndBareCustomers(t, owner);

  const db = t.app.get(Db);
  for (const withDocument of [false, true]) {
    const query = (em: EntityManager) => {
      const customers = customerQuery(em)
        .where('c.workspace_id = :workspaceId', { workspaceId: owner.workspaceId })
        .orderBy('c.name');
      return withDocument ? customers.addSelect('c.healthDocument') : customers;
    };
    const [typeorm, ours] = await db.inWorkspace(
      owner.workspaceId,
      async (em) => [await query(em).getMany(), await readCustomers(query(em))],
      'system',
    );
    expect(typeorm).toHaveLength(2);
    expect(typeorm[0]?.ownerMember?.id).toBe(staff.memberId);
    expect(typeorm[1]?.ownerMember).toBeNull();
    expect(ours).toStrictEqual(typeorm);
  }
});

it('compiles only for columns TypeORM hands over as pg parsed them (a transformer is refused)', () => {
  const dataSource = t.app.get(Db).dataSource;
  expect(() => rawHydrator(dataSource, InteractionEntity, 'i')).not.toThrow();
  const metadata = dataSource.getMetadata(InteractionEntity);
  const sentiment = metadata.columns.find((column) => column.propertyName === 'sentiment');
  if (!sentiment) throw new Error('no sentiment column');
  sentiment.transformer = { to: (v: unknown) => v, from: (v: unknown) => v };
  try {
    expect(() => rawHydrator(dataSource, InteractionEntity, 'x')).toThrow(
      'InteractionEntity.sentiment is not hydrated as parsed',
    );
  } finally {
    sentiment.transformer = undefined;
  }
});
