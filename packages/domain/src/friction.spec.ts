import {
  frictionFilterSchema,
  missingResolution,
  raiseFrictionPointSchema,
  updateFrictionPointSchema,
} from './friction';
import { validate } from './validation';

const TOUCHPOINT_ID = '7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const CUSTOMER_ID = '3f0c6f0e-9b7a-4c3e-8f1a-2b5d6c7e8f90';
const INTERACTION_ID = '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';
const MEMBER_ID = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';
const chars = (n: number) => 'x'.repeat(n);

describe('raiseFrictionPointSchema', () => {
  const minimal = { description: 'The card reader keeps failing', severity: 2 };

  it('accepts a bare point: on no touchpoint, customer, interaction or owner', () => {
    expect(validate(raiseFrictionPointSchema, minimal)).toEqual({
      ok: true,
      value: {
        ...minimal,
        touchpointId: null,
        customerId: null,
        interactionId: null,
        ownerId: null,
        idempotencyKey: null,
      },
    });
  });

  it('keeps every link given and trims the description', () => {
    const links = {
      touchpointId: TOUCHPOINT_ID,
      customerId: CUSTOMER_ID,
      interactionId: INTERACTION_ID,
      ownerId: MEMBER_ID,
    };
    expect(
      validate(raiseFrictionPointSchema, { ...links, description: '  Slow checkout ', severity: 3 }),
    ).toEqual({
      ok: true,
      value: { ...links, description: 'Slow checkout', severity: 3, idempotencyKey: null },
    });
  });

  it('reads null links as none', () => {
    expect(
      validate(raiseFrictionPointSchema, {
        ...minimal,
        touchpointId: null,
        customerId: null,
        interactionId: null,
        ownerId: null,
      }),
    ).toMatchObject({
      ok: true,
      value: { touchpointId: null, customerId: null, interactionId: null, ownerId: null },
    });
  });

  it.each([1, 2, 3])('accepts severity %i', (severity) => {
    expect(validate(raiseFrictionPointSchema, { ...minimal, severity })).toMatchObject({
      ok: true,
      value: { severity },
    });
  });

  it('accepts a 2000-character description', () => {
    expect(validate(raiseFrictionPointSchema, { ...minimal, description: chars(2_000) }).ok).toBe(true);
  });

  it.each([
    { case: 'severity 0', patch: { severity: 0 }, fields: { severity: 'At least 1' } },
    { case: 'severity 4', patch: { severity: 4 }, fields: { severity: 'At most 3' } },
    { case: 'severity 1.5', patch: { severity: 1.5 }, fields: { severity: 'Rate severity from 1 to 3' } },
    {
      case: 'a missing severity',
      patch: { severity: undefined },
      fields: { severity: 'Rate severity from 1 to 3' },
    },
    { case: 'severity as text', patch: { severity: '2' }, fields: { severity: 'Rate severity from 1 to 3' } },
    {
      case: 'a missing description',
      patch: { description: undefined },
      fields: { description: 'Invalid input: expected string, received undefined' },
    },
    { case: 'a blank description', patch: { description: '   ' }, fields: { description: 'Required' } },
    {
      case: 'a 2001-character description',
      patch: { description: chars(2_001) },
      fields: { description: 'At most 2000 characters' },
    },
    {
      case: 'a bad touchpoint id',
      patch: { touchpointId: 'tp-1' },
      fields: { touchpointId: 'Not a valid id' },
    },
    { case: 'a bad customer id', patch: { customerId: '42' }, fields: { customerId: 'Not a valid id' } },
    {
      case: 'a bad interaction id',
      patch: { interactionId: '' },
      fields: { interactionId: 'Not a valid id' },
    },
    { case: 'a bad owner id', patch: { ownerId: 'me' }, fields: { ownerId: 'Not a valid id' } },
  ])('refuses $case', ({ patch, fields }) => {
    expect(validate(raiseFrictionPointSchema, { ...minimal, ...patch })).toEqual({ ok: false, fields });
  });
});

describe('updateFrictionPointSchema', () => {
  it('leaves out every field not given', () => {
    expect(validate(updateFrictionPointSchema, {})).toEqual({ ok: true, value: {} });
  });

  it('keeps only the status when only the status is given', () => {
    const result = validate(updateFrictionPointSchema, { status: 'IN_PROGRESS' });
    expect(result).toEqual({ ok: true, value: { status: 'IN_PROGRESS' } });
    expect(result.ok && Object.keys(result.value)).toEqual(['status']);
  });

  it('assigns an owner', () => {
    expect(validate(updateFrictionPointSchema, { ownerId: MEMBER_ID })).toEqual({
      ok: true,
      value: { ownerId: MEMBER_ID },
    });
  });

  it('unassigns with ownerId null', () => {
    expect(validate(updateFrictionPointSchema, { ownerId: null })).toEqual({
      ok: true,
      value: { ownerId: null },
    });
  });

  it('trims a resolution and reads a blank one as null (clearing it)', () => {
    expect(validate(updateFrictionPointSchema, { status: 'RESOLVED', resolution: ' Replaced it ' })).toEqual({
      ok: true,
      value: { status: 'RESOLVED', resolution: 'Replaced it' },
    });
    expect(validate(updateFrictionPointSchema, { resolution: '  ' })).toEqual({
      ok: true,
      value: { resolution: null },
    });
  });

  it('reads a null status as no change', () => {
    expect(validate(updateFrictionPointSchema, { status: null, ownerId: null })).toEqual({
      ok: true,
      value: { status: undefined, ownerId: null },
    });
  });

  it.each(['OPEN', 'IN_PROGRESS', 'RESOLVED'])('accepts status %s', (status) => {
    expect(validate(updateFrictionPointSchema, { status })).toEqual({ ok: true, value: { status } });
  });

  it.each([
    {
      case: 'an unknown status',
      input: { status: 'DONE' },
      fields: { status: 'Invalid option: expected one of "OPEN"|"IN_PROGRESS"|"RESOLVED"' },
    },
    { case: 'a bad owner id', input: { ownerId: 'nobody' }, fields: { ownerId: 'Not a valid id' } },
    {
      case: 'a 2001-character resolution',
      input: { resolution: chars(2_001) },
      fields: { resolution: 'At most 2000 characters' },
    },
  ])('refuses $case', ({ input, fields }) => {
    expect(validate(updateFrictionPointSchema, input)).toEqual({ ok: false, fields });
  });
});

describe('missingResolution', () => {
  it.each([
    // Only a move to RESOLVED needs a resolution.
    { status: 'OPEN', given: undefined, existing: null, missing: false },
    { status: 'IN_PROGRESS', given: null, existing: null, missing: false },
    { status: 'IN_PROGRESS', given: undefined, existing: null, missing: false },
    // Given now.
    { status: 'RESOLVED', given: 'Fixed the reader', existing: null, missing: false },
    { status: 'RESOLVED', given: 'Fixed the reader', existing: 'Earlier note', missing: false },
    // Already there, not named now.
    { status: 'RESOLVED', given: undefined, existing: 'Earlier note', missing: false },
    // Neither.
    { status: 'RESOLVED', given: undefined, existing: null, missing: true },
    { status: 'RESOLVED', given: null, existing: null, missing: true },
    { status: 'RESOLVED', given: '', existing: null, missing: true },
    // Clearing it now while resolving wins over the earlier note.
    { status: 'RESOLVED', given: null, existing: 'Earlier note', missing: true },
  ])(
    '$status, given $given, existing $existing: missing $missing',
    ({ status, given, existing, missing }) => {
      expect(missingResolution(status, given, existing)).toBe(missing);
    },
  );
});

describe('frictionFilterSchema', () => {
  it('accepts no filter at all', () => {
    expect(validate(frictionFilterSchema, {})).toEqual({ ok: true, value: {} });
  });

  it('accepts nulls as no filter', () => {
    expect(validate(frictionFilterSchema, { status: null, touchpointId: null, customerId: null })).toEqual({
      ok: true,
      value: { status: null, touchpointId: null, customerId: null },
    });
  });

  it('accepts every filter', () => {
    const filter = { status: 'OPEN', touchpointId: TOUCHPOINT_ID, customerId: CUSTOMER_ID };
    expect(validate(frictionFilterSchema, filter)).toEqual({ ok: true, value: filter });
  });

  it.each([
    {
      case: 'an unknown status',
      input: { status: 'CLOSED' },
      fields: { status: 'Invalid option: expected one of "OPEN"|"IN_PROGRESS"|"RESOLVED"' },
    },
    { case: 'a bad touchpoint id', input: { touchpointId: 'x' }, fields: { touchpointId: 'Not a valid id' } },
    { case: 'a bad customer id', input: { customerId: 'y' }, fields: { customerId: 'Not a valid id' } },
  ])('refuses $case', ({ input, fields }) => {
    expect(validate(frictionFilterSchema, input)).toEqual({ ok: false, fields });
  });
});
