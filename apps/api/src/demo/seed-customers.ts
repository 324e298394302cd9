import { type DemoContext, inParallel } from './context';
import { emailOf, phoneOf } from './data';
import { DAY_MS, type PlannedCustomer } from './plan';

const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
const LOG_INTERACTION = `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`;

/** Customers are seeded a few at a time; each one's contacts in order. */
const CONCURRENCY = 8;

/**
 * The ~40 customers with their profiles, owners and cadences, then six months of their contacts,
 * each logged by the member the plan names, dated in the past through `occurredAt`.
 */
export async function seedCustomers(ctx: DemoContext): Promise<void> {
  ctx.customers = await inParallel(ctx.plan.customers, CONCURRENCY, async (customer) => {
    const id = await createCustomer(ctx, customer);
    const interactionIds: string[] = [];
    for (const [n, contact] of customer.contacts.entries()) {
      const made = await ctx.sessions[contact.by].ok<{ logInteraction: { id: string } }>(LOG_INTERACTION, {
        input: {
          customerId: id,
          touchpointId: contact.touchpoint ? ctx.touchpoints[contact.touchpoint] : null,
          channel: contact.touchpoint ? null : contact.channel,
          direction: contact.direction,
          purpose: contact.purpose,
          sentiment: contact.sentiment,
          summary: contact.summary,
          frictionNote: contact.frictionNote,
          occurredAt: contact.occurredAt.toISOString(),
          followUpAt: contact.followUpAt?.toISOString() ?? null,
          // A retried request never logs a contact twice.
          idempotencyKey: `demo:${customer.index}:${n}`,
        },
      });
      interactionIds.push(made.logInteraction.id);
    }
    return { id, interactionIds };
  });
  const contacts = ctx.customers.reduce((sum, c) => sum + c.interactionIds.length, 0);
  ctx.log(`${ctx.customers.length} customers, ${contacts} interactions over the last six months`);
}

async function createCustomer(ctx: DemoContext, customer: PlannedCustomer): Promise<string> {
  const { data, index } = customer;
  const made = await ctx.sessions[customer.by].ok<{ createCustomer: { id: string } }>(CREATE_CUSTOMER, {
    input: {
      name: data.name,
      company: data.company ?? null,
      email: emailOf(data),
      phone: index % 5 === 3 ? null : phoneOf(index),
      tags: data.tags,
      notes: data.notes ?? null,
      profileFacts: data.facts.map(([label, value]) => ({ label, value })),
      ownerId: data.owner ? ctx.memberIds[data.owner] : null,
      cadenceDays: data.cadenceDays ?? null,
    },
  });
  return made.createCustomer.id;
}

const SCHEDULE = `mutation($input: ScheduleCheckInInput!) { scheduleCheckIn(input: $input) { id } }`;

/**
 * Planned check-ins: a few coming up for customers whose check-in is overdue, one planned and
 * already late, two done (each logs its relationship contact) and one skipped.
 */
export async function seedCheckIns(ctx: DemoContext): Promise<void> {
  const { now } = ctx.plan;
  const of = (persona: string) => ctx.plan.customers.filter((c) => c.data.persona === persona);
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS).toISOString();
  const schedule = async (customer: PlannedCustomer, dueInDays: number, note: string) => {
    const by = ctx.sessions[customer.by];
    const made = await by.ok<{ scheduleCheckIn: { id: string } }>(SCHEDULE, {
      input: { customerId: ctx.customers[customer.index]?.id, dueAt: at(dueInDays), note },
    });
    return { by, id: made.scheduleCheckIn.id };
  };
  const regular = of('regular');
  const drifting = of('drifting');
  const loyal = of('loyal');
  const notes = [
    'Ask how the family is; mention the new rye',
    'Thank them for the big order last month',
    'Check the standing order still suits them',
  ];
  for (const [n, customer] of regular.slice(0, 3).entries())
    await schedule(customer, 2 + n * 2, notes[n] ?? '');
  const late = drifting[0];
  if (late) await schedule(late, -3, 'Apologise for the late delivery and offer a tasting');
  for (const [n, customer] of loyal.slice(0, 2).entries()) {
    const { by, id } = await schedule(customer, -5 - n, 'Catch up over a coffee at the counter');
    await by.ok(
      `mutation($id: ID!, $input: CompleteCheckInInput!) { completeCheckIn(id: $id, input: $input) { id } }`,
      {
        id,
        input: {
          occurredAt: at(-4 - n),
          sentiment: 2,
          summary: 'Coffee at the counter: caught up on their news, noted an upcoming celebration',
          channel: 'STORE',
        },
      },
    );
  }
  const skipped = regular[3];
  if (skipped) {
    const { by, id } = await schedule(skipped, -1, 'Quick call about the autumn menu');
    await by.ok(`mutation($id: ID!, $reason: String!) { skipCheckIn(id: $id, reason: $reason) { id } }`, {
      id,
      reason: 'Away on holiday until the end of the month',
    });
  }
  ctx.log('planned check-ins: 4 upcoming or late, 2 done, 1 skipped');
}
