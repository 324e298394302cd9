import { frictionSeverityOf, raisesFriction, type Surprise } from '@rapport/domain';
import { weighted } from './chance';
import type { CopyValue } from './copy-rows';
import type { RaisedFriction } from './friction';
import { randomFor } from './ids';
import { DAY_MS } from './options';
import { AUDIT_SCENARIOS, AUDITORS, EXPERIENCES } from './vocabulary';
import type { World } from './world';

export const AUDIT_COLUMNS = [
  'workspace_id',
  'id',
  'title',
  'scenario',
  'auditor_name',
  'external',
  'status',
  'created_by',
  'created_at',
  'submitted_at',
];
export const STEP_COLUMNS = ['workspace_id', 'audit_id', 'position', 'touchpoint_id'];
export const OBSERVATION_COLUMNS = [
  'workspace_id',
  'id',
  'audit_id',
  'touchpoint_id',
  'expected',
  'experienced',
  'surprise',
  'friction',
  'accuracy',
  'availability',
  'partnership',
  'advice',
  'would_return',
  'notes',
  'recorded_at',
];

/** The submitted audits, generated in full so their three tables and friction points agree. */
export interface SeededAudits {
  audits: CopyValue[][];
  steps: CopyValue[][];
  observations: CopyValue[][];
  friction: RaisedFriction[];
}

const SURPRISES: Surprise[] = ['NONE', 'DELIGHT', 'LETDOWN'];

/**
 * Submitted audits spread over the history, 3–8 steps each with one observation per step; every
 * observation that raises friction by the domain's rule (`raisesFriction`) has the friction point
 * submitting raises, with the domain's severity and the app's description.
 */
export function generateAudits(world: World): SeededAudits {
  const r = randomFor(world.seed, world.stream('audits'));
  const out: SeededAudits = { audits: [], steps: [], observations: [], friction: [] };
  const { touchpoints, members } = world;
  let observationIndex = 0;
  for (let a = 0; a < world.spec.audits && touchpoints.length > 0; a++) {
    const id = world.id('audit', a);
    const createdAt = world.createdAt + 3 * DAY_MS + r.next() * (world.now - world.createdAt - 15 * DAY_MS);
    const submittedAt = createdAt + r.int(1, 10) * DAY_MS;
    const external = r.chance(0.4);
    const creator = r.pick(members);
    const scenario = r.pick(AUDIT_SCENARIOS);
    const title = `${scenario} (${new Date(createdAt).toISOString().slice(0, 7)})`;
    out.audits.push([
      world.workspaceId,
      id,
      title,
      scenario,
      external ? r.pick(AUDITORS) : creator.name,
      external,
      'SUBMITTED',
      creator.id,
      new Date(createdAt),
      new Date(submittedAt),
    ]);
    const visited = r.shuffle(touchpoints).slice(0, r.int(3, Math.min(8, touchpoints.length)));
    visited.forEach((touchpoint, position) => {
      out.steps.push([world.workspaceId, id, position, touchpoint.id]);
      const surprise = SURPRISES[weighted(r, [70, 15, 15])] ?? 'NONE';
      const friction = weighted(r, [70, 15, 10, 5]);
      const bad = friction >= 2 || surprise === 'LETDOWN';
      const rating = () => Math.max(1, Math.min(5, r.int(3, 5) - (bad ? r.int(1, 2) : 0)));
      const experienced = r.pick(bad ? EXPERIENCES.bad : EXPERIENCES.good);
      const observationId = world.id('observation', observationIndex++);
      out.observations.push([
        world.workspaceId,
        observationId,
        id,
        touchpoint.id,
        r.chance(0.5) ? 'A quick, friendly answer' : null,
        experienced,
        surprise,
        friction,
        rating(),
        rating(),
        rating(),
        rating(),
        !bad || r.chance(0.3),
        r.chance(0.2) ? 'Photos in the shared folder' : null,
        new Date(createdAt + ((position + 1) / (visited.length + 1)) * (submittedAt - createdAt)),
      ]);
      if (raisesFriction({ friction, surprise })) {
        out.friction.push({
          id: world.id('audit-friction', out.friction.length),
          touchpointId: touchpoint.id,
          customerId: null,
          description: `Audit "${title}": ${experienced}`,
          severity: frictionSeverityOf({ friction }),
          ownerId: null,
          source: 'AUDIT',
          observationId,
          createdBy: null,
          createdAt: submittedAt,
        });
      }
    });
  }
  return out;
}
