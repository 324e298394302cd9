import { TEST_IDEMPOTENCY_KEY } from '~/test/idempotency';
import { ownerMember } from '~/test/render';
import {
  FrictionOptionsDocument,
  FrictionPointsDocument,
  RaiseFrictionPointDocument,
  UpdateFrictionPointDocument,
} from './graphql/friction.graphql';

const DAY_MS = 24 * 60 * 60 * 1000;
export const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

export const ids = {
  booking: '00000000-0000-4000-8000-0000000000a1',
  invoice: '00000000-0000-4000-8000-0000000000a2',
  grace: '00000000-0000-4000-8000-0000000000c1',
  bob: '00000000-0000-4000-8000-0000000000b2',
  audit: '00000000-0000-4000-8000-0000000000d1',
  p1: '00000000-0000-4000-8000-000000000f01',
  p2: '00000000-0000-4000-8000-000000000f02',
  p3: '00000000-0000-4000-8000-000000000f03',
  p4: '00000000-0000-4000-8000-000000000f04',
};

export const members = [
  { __typename: 'Member', id: ownerMember.id, name: ownerMember.name },
  { __typename: 'Member', id: ids.bob, name: 'Bob Baker' },
];

const touchpoints = {
  booking: { __typename: 'Touchpoint', id: ids.booking, name: 'Booking by phone' },
  invoice: { __typename: 'Touchpoint', id: ids.invoice, name: 'Invoice email' },
};

export function frictionPoint(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'FrictionPoint',
    id: ids.p1,
    version: 1,
    description: 'Nobody answers the phone at lunchtime',
    severity: 3,
    status: 'OPEN',
    source: 'AUDIT',
    resolution: null,
    createdAt: daysAgo(3),
    updatedAt: daysAgo(3),
    resolvedAt: null,
    touchpoint: touchpoints.booking,
    customer: null,
    owner: null,
    audit: { __typename: 'Audit', id: ids.audit, title: 'Repair booking walk-through' },
    interaction: null,
    ...overrides,
  };
}

export const board = [
  frictionPoint(),
  frictionPoint({
    id: ids.p2,
    description: 'Invoice totals do not match the quote',
    severity: 2,
    status: 'IN_PROGRESS',
    source: 'FEEDBACK',
    touchpoint: touchpoints.invoice,
    customer: { __typename: 'Customer', id: ids.grace, name: 'Grace Hopper' },
    owner: members[0],
    audit: null,
    createdAt: daysAgo(0),
  }),
  frictionPoint({
    id: ids.p3,
    description: 'Parking sign is hard to spot',
    severity: 1,
    status: 'RESOLVED',
    source: 'MANUAL',
    touchpoint: null,
    owner: members[1],
    audit: null,
    resolution: 'New sign at the gate',
    resolvedAt: daysAgo(1),
  }),
  frictionPoint({
    id: ids.p4,
    description: 'Hold music is too loud',
    severity: 1,
    status: 'OPEN',
    source: 'INTERACTION',
    owner: members[1],
    audit: null,
    interaction: { __typename: 'Interaction', id: 'i-1', summary: 'Called about a repair' },
  }),
];

export const optionsMock = {
  request: { query: FrictionOptionsDocument },
  result: {
    data: {
      members,
      touchpoints: [touchpoints.booking, touchpoints.invoice],
    },
  },
  maxUsageCount: 10,
};

export function pointsMock(points: unknown[] = board, variables: Record<string, unknown> = {}) {
  return {
    request: { query: FrictionPointsDocument, variables },
    result: { data: { frictionPoints: points } },
  };
}

export function updateMock(id: string, input: Record<string, unknown>, result: unknown) {
  return {
    // The cards and forms send the version they show (every fixture is at version 1).
    request: { query: UpdateFrictionPointDocument, variables: { id, input: { ...input, version: 1 } } },
    result: { data: { updateFrictionPoint: result } },
  };
}

export function raiseMock(input: Record<string, unknown>, result: unknown) {
  return {
    request: {
      query: RaiseFrictionPointDocument,
      variables: { input: { ...input, idempotencyKey: TEST_IDEMPOTENCY_KEY } },
    },
    result: { data: { raiseFrictionPoint: result } },
  };
}
