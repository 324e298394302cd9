import { DEFAULT_CADENCE_DAYS } from '@rapport/domain';
import type { CopyValue } from './copy-rows';
import { DAY_MS } from './options';
import { TOUCHPOINTS } from './vocabulary';
import type { World } from './world';

/** Password hashes by role, made once per run with the app's own passwords module. */
export interface PasswordHashes {
  owner: string;
  staff: string;
}

/** What signUp writes (the workspace, its directory row, the owner and their credentials), plus staff. */
export function setUpMembers(world: World): void {
  const { spec } = world;
  world.members = [
    { id: world.id('member', 0), name: spec.ownerName, email: spec.ownerEmail, role: 'OWNER' },
    ...spec.staffEmails.map((email, i) => ({
      id: world.id('member', i + 1),
      name: `Staff ${i + 1} of ${spec.name}`,
      email,
      role: 'STAFF' as const,
    })),
  ];
  world.touchpoints = TOUCHPOINTS.slice(0, spec.touchpoints).map((t, i) => ({
    id: world.id('touchpoint', i),
    name: t.name,
    channel: t.channel,
    stage: t.stage,
  }));
}

export function workspaceRows(world: World): CopyValue[][] {
  const at = new Date(world.createdAt);
  return [[world.workspaceId, world.spec.name, DEFAULT_CADENCE_DAYS, at, at]];
}

export function memberRows(world: World): CopyValue[][] {
  return world.members.map((m, i) => [
    world.workspaceId,
    m.id,
    m.name,
    m.email,
    m.role,
    new Date(world.createdAt + i * 60_000),
  ]);
}

export function credentialRows(world: World, hashes: PasswordHashes): CopyValue[][] {
  return world.members.map((m, i) => [
    m.email,
    world.workspaceId,
    m.id,
    m.role === 'OWNER' ? hashes.owner : hashes.staff,
    new Date(world.createdAt + i * 60_000),
  ]);
}

export function touchpointRows(world: World): CopyValue[][] {
  return world.touchpoints.map((t, i) => {
    const at = new Date(world.createdAt + DAY_MS + i * 60_000);
    const described = TOUCHPOINTS[i];
    return [
      world.workspaceId,
      t.id,
      t.name,
      t.channel,
      t.stage,
      `${t.name} (${t.stage.toLowerCase()})`,
      described?.momentOfTruth ?? false,
      at,
      at,
    ];
  });
}
