import { type Channel, INTERACTION_PURPOSES } from '@rapport/domain';
import { clamp, gaussian, weighted } from './chance';
import type { CopyValue } from './copy-rows';
import { randomFor } from './ids';
import { DAY_MS } from './options';
import { FRICTION_NOTES, SUMMARIES } from './vocabulary';
import type { World } from './world';

export const INTERACTION_COLUMNS = [
  'workspace_id',
  'id',
  'customer_id',
  'touchpoint_id',
  'channel',
  'member_id',
  'direction',
  'purpose',
  'sentiment',
  'summary',
  'friction_note',
  'occurred_at',
  'follow_up_at',
  'created_at',
];

/** SALES, SERVICE, SUPPORT, RELATIONSHIP (the order of INTERACTION_PURPOSES). */
const PURPOSE_WEIGHTS = [35, 20, 15, 30];
const RELATIONSHIP = INTERACTION_PURPOSES.indexOf('RELATIONSHIP');
const SUPPORT = INTERACTION_PURPOSES.indexOf('SUPPORT');
const CHANNELS_WITHOUT_TOUCHPOINT: Channel[] = ['PHONE', 'EMAIL', 'STORE', 'WEB', 'SOCIAL', 'OTHER'];

export const isRelationship = (world: World, i: number): boolean =>
  world.interactions.purpose[i] === RELATIONSHIP;

/**
 * Draws every customer's allotted interactions into `world.interactions`: at times between their
 * creation and now, mostly with their owner, at a touchpoint three times in five, sentiment tilted by
 * the customer's disposition (support calls lower). Some unhappy ones carry a friction note, and a
 * few of those were raised as friction points (`world.interactions.raised`).
 */
export function planInteractions(world: World): void {
  const r = randomFor(world.seed, world.stream('interactions'));
  const { customers: cf, interactions: facts, members, touchpoints } = world;
  for (let c = 0; c < world.spec.customers; c++) {
    const since = cf.createdAt[c] as number;
    const span = world.now - DAY_MS / 24 - since;
    const owner = cf.owner[c] as number;
    const disposition = cf.disposition[c] as number;
    for (let i = cf.first[c] as number; i < (cf.first[c + 1] as number); i++) {
      const purpose = weighted(r, PURPOSE_WEIGHTS);
      const sentiment = Math.round(
        clamp(disposition * 1.4 + gaussian(r) * 0.8 + (purpose === SUPPORT ? -0.7 : 0.2), -2, 2),
      );
      const note = sentiment <= -1 && r.chance(0.25) ? r.int(0, FRICTION_NOTES.length - 1) : -1;
      if (note >= 0 && r.chance(0.08))
        facts.raised.push({ interaction: i, note: FRICTION_NOTES[note] as string });
      facts.occurredAt[i] = Math.floor(since + r.next() * span);
      facts.purpose[i] = purpose;
      facts.sentiment[i] = sentiment;
      facts.note[i] = note;
      facts.touchpoint[i] = touchpoints.length > 0 && r.chance(0.6) ? r.int(0, touchpoints.length - 1) : -1;
      facts.channel[i] = r.int(0, CHANNELS_WITHOUT_TOUCHPOINT.length - 1);
      facts.member[i] = r.chance(0.05)
        ? -1
        : owner >= 0 && r.chance(0.7)
          ? owner
          : r.int(0, members.length - 1);
      facts.inbound[i] = (
        purpose === SUPPORT
          ? r.chance(0.85)
          : purpose === RELATIONSHIP
            ? r.chance(0.2)
            : r.chance(0.5)
      )
        ? 1
        : 0;
      facts.summary[i] = r.int(0, 59); // 60: uniform over four or five summaries
      facts.followUpDays[i] = r.chance(0.05) ? r.int(3, 14) : 0;
    }
  }
}

/**
 * The planned interactions, oldest first, as the app would have stored them over the years: the
 * table's pages end up in time order, as in production, with each customer's interactions spread
 * over them.
 */
export function* interactionRows(world: World): Generator<CopyValue[]> {
  const { customers: cf, interactions: facts, members, touchpoints } = world;
  const customerOf = new Uint32Array(world.spec.interactions);
  for (let c = 0; c < world.spec.customers; c++) customerOf.fill(c, cf.first[c], cf.first[c + 1]);
  const order = new Uint32Array(world.spec.interactions).map((_, i) => i);
  order.sort((a, b) => (facts.occurredAt[a] as number) - (facts.occurredAt[b] as number));
  for (const i of order) {
    const occurredAt = facts.occurredAt[i] as number;
    const touchpoint = touchpoints[facts.touchpoint[i] as number];
    const purpose = INTERACTION_PURPOSES[facts.purpose[i] as number] ?? 'SALES';
    const summaries = SUMMARIES[purpose];
    const at = new Date(occurredAt);
    const followUpDays = facts.followUpDays[i] as number;
    yield [
      world.workspaceId,
      world.id('interaction', i),
      world.id('customer', customerOf[i] as number),
      touchpoint?.id ?? null,
      touchpoint?.channel ?? CHANNELS_WITHOUT_TOUCHPOINT[facts.channel[i] as number] ?? 'OTHER',
      members[facts.member[i] as number]?.id ?? null,
      facts.inbound[i] ? 'INBOUND' : 'OUTBOUND',
      purpose,
      facts.sentiment[i] as number,
      summaries[(facts.summary[i] as number) % summaries.length] as string,
      FRICTION_NOTES[facts.note[i] as number] ?? null,
      at,
      followUpDays ? new Date(occurredAt + followUpDays * DAY_MS) : null,
      at,
    ];
  }
}
