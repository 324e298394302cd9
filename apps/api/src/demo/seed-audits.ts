import { Session, tokenOf } from './client';
import type { DemoContext } from './context';
import {
  AUDIT_ROUND_1,
  AUDIT_ROUND_2,
  AUDIT_SCENARIO,
  AUDIT_STEPS,
  type DemoObservation,
  OWNER,
} from './data';

const CREATE_AUDIT = `mutation($input: CreateAuditInput!) { createAudit(input: $input) { id inviteUrl } }`;
const AUDIT_FRICTION = `query($touchpointId: ID) {
  frictionPoints(touchpointId: $touchpointId) { id status source audit { id } touchpoint { id } }
}`;
const UPDATE_FRICTION = `mutation($id: ID!, $input: UpdateFrictionPointInput!) { updateFrictionPoint(id: $id, input: $input) { id } }`;

interface FrictionRow {
  id: string;
  status: string;
  source: string;
  audit: { id: string } | null;
  touchpoint: { id: string } | null;
}

function observationInput(ctx: DemoContext, o: DemoObservation) {
  const [accuracy, availability, partnership, advice] = o.ratings;
  return {
    touchpointId: ctx.touchpoints[o.step],
    expected: o.expected,
    experienced: o.experienced,
    surprise: o.surprise,
    friction: o.friction,
    accuracy,
    availability,
    partnership,
    advice,
    wouldReturn: o.wouldReturn,
    notes: o.notes ?? null,
  };
}

/** The friction points an audit's submission raised, by touchpoint key. */
async function raisedBy(ctx: DemoContext, auditId: string) {
  const { frictionPoints } = await ctx.sessions.owner.ok<{ frictionPoints: FrictionRow[] }>(
    AUDIT_FRICTION,
    {},
  );
  const byTouchpoint = new Map<string, string>();
  for (const point of frictionPoints) {
    if (point.audit?.id === auditId && point.touchpoint) byTouchpoint.set(point.touchpoint.id, point.id);
  }
  return (step: keyof DemoContext['touchpoints']) => {
    const id = byTouchpoint.get(ctx.touchpoints[step]);
    if (!id) throw new Error(`The audit raised no friction point at ${step}`);
    return id;
  };
}

/**
 * Two rounds of the same scenario. Round 1, the owner walks it herself: the website and the phone let
 * her down and the invoice is wrong; she fixes the website and the invoice and hands the phone to
 * Leo. Round 2, a secret shopper through an outsider link: the fixes hold, the delivery slipped.
 */
export async function seedAudits(ctx: DemoContext): Promise<void> {
  const owner = ctx.sessions.owner;
  const touchpointIds = AUDIT_STEPS.map((step) => ctx.touchpoints[step]);

  const round1 = await owner.ok<{ createAudit: { id: string } }>(CREATE_AUDIT, {
    input: {
      title: 'Celebration cake, round 1',
      scenario: AUDIT_SCENARIO,
      touchpointIds,
      auditorName: OWNER.name,
      external: false,
    },
  });
  const auditId = round1.createAudit.id;
  for (const o of AUDIT_ROUND_1) {
    await owner.ok(
      `mutation($auditId: ID!, $input: ObservationInput!) { recordObservation(auditId: $auditId, input: $input) { id } }`,
      {
        auditId,
        input: observationInput(ctx, o),
      },
    );
  }
  await owner.ok(`mutation($id: ID!) { submitAudit(id: $id) { id } }`, { id: auditId });

  const round1Point = await raisedBy(ctx, auditId);
  await owner.ok(UPDATE_FRICTION, {
    id: round1Point('website'),
    input: {
      status: 'RESOLVED',
      resolution: 'Added a delivery-slot picker to the order form, with a confirmation email',
    },
  });
  await owner.ok(UPDATE_FRICTION, {
    id: round1Point('invoice'),
    input: { status: 'RESOLVED', resolution: 'The invoice template now deducts deposits by itself' },
  });
  await owner.ok(UPDATE_FRICTION, {
    id: round1Point('phone'),
    input: { status: 'IN_PROGRESS', ownerId: ctx.memberIds.staff },
  });

  const round2 = await owner.ok<{ createAudit: { id: string; inviteUrl: string } }>(CREATE_AUDIT, {
    input: {
      title: 'Celebration cake, round 2 (secret shopper)',
      scenario: AUDIT_SCENARIO,
      touchpointIds,
      auditorName: 'Jonas, secret shopper',
      external: true,
    },
  });
  const token = tokenOf(round2.createAudit.inviteUrl);
  const shopper = new Session(ctx.open());
  await shopper.ok(`query($token: String!) { publicAudit(token: $token) { title } }`, { token });
  for (const o of AUDIT_ROUND_2) {
    await shopper.ok(
      `mutation($token: String!, $input: ObservationInput!) { recordPublicObservation(token: $token, input: $input) }`,
      {
        token,
        input: observationInput(ctx, o),
      },
    );
  }
  await shopper.ok(`mutation($token: String!) { submitPublicAudit(token: $token) }`, { token });

  const round2Point = await raisedBy(ctx, round2.createAudit.id);
  await owner.ok(UPDATE_FRICTION, {
    id: round2Point('delivery'),
    input: { ownerId: ctx.memberIds.staff },
  });
  ctx.log('2 audits of the same scenario (one by Maya, one by an outside shopper), submitted');
}
