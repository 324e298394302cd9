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

/**
 * Every customer's allotted interactions, at times between their creation and now: mostly with their
 * owner, at a touchpoint three times in five, sentiment tilted by the customer's disposition (support
 * calls lower). Some unhappy ones carry a friction note, and a few of those were raised as friction
 * points (recorded in `world.interactions.raised`). Records each interaction's facts as it goes.
 */
export function* interactionRows(world: World): Generator<CopyValue[]> {
  const r = randomFor(world.seed, world.stream('interactions'));
  const { customers: cf, interactions: facts, members, touchpoints } = world;
  for (let c = 0; c < world.spec.customers; c++) {
    const customerId = world.id('customer', c);
    const since = cf.createdAt[c] as number;
    const span = world.now - DAY_MS / 24 - since;
    const owner = cf.owner[c] as number;
    const disposition = cf.disposition[c] as number;
    for (let i = cf.first[c] as number; i < (cf.first[c + 1] as number); i++) {
      const occurredAt = Math.floor(since + r.next() * span);
      const purpose = weighted(r, PURPOSE_WEIGHTS);
      const touchpoint = touchpoints.length > 0 && r.chance(0.6) ? r.int(0, touchpoints.length - 1) : -1;
      const member = r.chance(0.05) ? -1 : owner >= 0 && r.chance(0.7) ? owner : r.int(0, members.length - 1);
      const sentiment = Math.round(
        clamp(disposition * 1.4 + gaussian(r) * 0.8 + (purpose === SUPPORT ? -0.7 : 0.2), -2, 2),
      );
      const frictionNote = sentiment <= -1 && r.chance(0.25) ? r.pick(FRICTION_NOTES) : null;
      if (frictionNote && r.chance(0.08)) facts.raised.push({ interaction: i, note: frictionNote });
      facts.occurredAt[i] = occurredAt;
      facts.member[i] = member;
      facts.touchpoint[i] = touchpoint;
      facts.relationship[i] = purpose === RELATIONSHIP ? 1 : 0;
      const purposeName = INTERACTION_PURPOSES[purpose] ?? 'SALES';
      const inbound =
        purpose === SUPPORT ? r.chance(0.85) : purpose === RELATIONSHIP ? r.chance(0.2) : r.chance(0.5);
      const at = new Date(occurredAt);
      yield [
        world.workspaceId,
        world.id('interaction', i),
        customerId,
        touchpoint >= 0 ? (touchpoints[touchpoint]?.id ?? null) : null,
        touchpoint >= 0 ? (touchpoints[touchpoint]?.channel ?? 'OTHER') : r.pick(CHANNELS_WITHOUT_TOUCHPOINT),
        member >= 0 ? (members[member]?.id ?? null) : null,
        inbound ? 'INBOUND' : 'OUTBOUND',
        purposeName,
        sentiment,
        r.pick(SUMMARIES[purposeName]),
        frictionNote,
        at,
        r.chance(0.05) ? new Date(occurredAt + r.int(3, 14) * DAY_MS) : null,
        at,
      ];
    }
  }
}
