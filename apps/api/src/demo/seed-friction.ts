import type { DemoContext } from './context';
import type { TouchpointKey } from './data';

/** How the first friction points from contacts were fixed, by where they happened. */
const RESOLUTIONS: Record<TouchpointKey, string> = {
  instagram: 'Turned on message notifications on the shop phone; replies within the day',
  website: 'Fixed the confirmation email and added the delivery-slot picker',
  phone: 'Added a voicemail that promises a call back within the hour, and keeps it',
  counter: 'Pre-orders are now boxed the evening before; a second till opens on Saturdays',
  delivery: 'Refunded the delivery fee and added a second van on Saturdays',
  invoice: 'PO numbers are now a required field on wholesale invoices; credited the difference',
};

const RAISE = `mutation($input: RaiseFrictionPointInput!) { raiseFrictionPoint(input: $input) { id } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateFrictionPointInput!) { updateFrictionPoint(id: $id, input: $input) { id } }`;
const LOG = `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`;
const FEEDBACK_POINTS = `{ frictionPoints { id source status customer { id } } }`;
/** Names the call-back that closed the loop on a low answer, so that backdating can find it. */
export const CALL_BACK_KEY = 'demo:call-back';

/**
 * Friction beyond the audits: from the friction notes of recent bad contacts (some resolved, one in
 * progress, the rest open), one raised by hand at the counter, and the loop closed on the first
 * follow-ups the low feedback answers raised.
 */
export async function seedFriction(ctx: DemoContext): Promise<void> {
  const { sessions } = ctx;
  // The newest bad contact with a friction note, one per customer, for the first few customers.
  const fromNotes: {
    by: 'owner' | 'staff';
    interactionId: string;
    severity: number;
    note: string;
    where: TouchpointKey | null;
  }[] = [];
  for (const customer of ctx.plan.customers) {
    const ids = ctx.customers[customer.index]?.interactionIds ?? [];
    const n = customer.contacts.findLastIndex((c) => c.frictionNote && c.sentiment <= -1);
    const contact = customer.contacts[n];
    const interactionId = ids[n];
    if (!contact?.frictionNote || !interactionId) continue;
    const severity = contact.sentiment === -2 ? (contact.touchpoint === 'delivery' ? 3 : 2) : 1;
    fromNotes.push({
      by: contact.by,
      interactionId,
      severity,
      note: contact.frictionNote,
      where: contact.touchpoint,
    });
  }
  const raised: { id: string; where: TouchpointKey | null }[] = [];
  for (const { by, interactionId, severity, note, where } of fromNotes.slice(0, 6)) {
    const made = await sessions[by].ok<{ raiseFrictionPoint: { id: string } }>(RAISE, {
      input: { interactionId, severity, description: note },
    });
    raised.push({ id: made.raiseFrictionPoint.id, where });
  }
  for (const { id, where } of raised.slice(0, 2)) {
    const resolution = where ? RESOLUTIONS[where] : 'Talked it through with the customer; sorted';
    await sessions.owner.ok(UPDATE, { id, input: { status: 'RESOLVED', resolution } });
  }
  if (raised[2]) await sessions.staff.ok(UPDATE, { id: raised[2].id, input: { status: 'IN_PROGRESS' } });

  const manual = await sessions.owner.ok<{ raiseFrictionPoint: { id: string } }>(RAISE, {
    input: {
      touchpointId: ctx.touchpoints.counter,
      description: 'Card reader drops offline on busy mornings; customers wait or leave',
      severity: 2,
      ownerId: ctx.memberIds.owner,
    },
  });
  await sessions.owner.ok(UPDATE, { id: manual.raiseFrictionPoint.id, input: { status: 'IN_PROGRESS' } });

  // Closing the loop: the first low answers' follow-ups, called back and sorted.
  const { frictionPoints } = await sessions.owner.ok<{
    frictionPoints: { id: string; source: string; status: string; customer: { id: string } | null }[];
  }>(FEEDBACK_POINTS);
  // In the plan's order of customers, not the order the answers happened to land in.
  const order = new Map(ctx.customers.map((c, index) => [c.id, index]));
  const followUps = frictionPoints
    .filter((p) => p.source === 'FEEDBACK' && p.customer && p.status === 'OPEN')
    .sort((a, b) => (order.get(a.customer?.id ?? '') ?? 0) - (order.get(b.customer?.id ?? '') ?? 0));
  const [first, second] = followUps;
  if (first?.customer) {
    await sessions.owner.ok(LOG, {
      input: {
        customerId: first.customer.id,
        channel: 'PHONE',
        direction: 'OUTBOUND',
        purpose: 'SERVICE',
        sentiment: 1,
        summary: 'Called back after their low score: apologised, sent a free loaf with the next order',
        idempotencyKey: CALL_BACK_KEY,
      },
    });
    await sessions.owner.ok(UPDATE, {
      id: first.id,
      input: { status: 'RESOLVED', resolution: 'Called back the same day, apologised and sent a free loaf' },
    });
  }
  if (second) await sessions.owner.ok(UPDATE, { id: second.id, input: { status: 'IN_PROGRESS' } });
  ctx.log(
    `friction: ${raised.length + 1} raised from contacts and by hand; follow-ups of low answers handled`,
  );
}
