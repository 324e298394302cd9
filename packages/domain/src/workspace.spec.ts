import { ROLES } from './enums';
import { cadenceDays, validate } from './validation';
import {
  acceptInvitationSchema,
  DEFAULT_CADENCE_DAYS,
  INVITATION_TTL_DAYS,
  inviteMemberSchema,
  keepsAnOwner,
  memberName,
  signInSchema,
  signUpSchema,
  updateWorkspaceSchema,
  workspaceName,
} from './workspace';

const chars = (n: number) => 'x'.repeat(n);
const missing = 'Invalid input: expected string, received undefined';

describe('workspace constants', () => {
  it('defaults the check-in cadence to a valid 30 days', () => {
    expect(DEFAULT_CADENCE_DAYS).toBe(30);
    expect(validate(cadenceDays, DEFAULT_CADENCE_DAYS).ok).toBe(true);
  });

  it('expires invitations after 7 days', () => {
    expect(INVITATION_TTL_DAYS).toBe(7);
  });
});

describe.each([
  { schema: 'memberName', text: memberName },
  { schema: 'workspaceName', text: workspaceName },
])('$schema', ({ text }) => {
  it.each([
    { case: 'a name, trimmed', input: '  Ann Lee ', value: 'Ann Lee' },
    { case: '100 characters', input: chars(100), value: chars(100) },
  ])('accepts $case', ({ input, value }) => {
    expect(validate(text, input)).toEqual({ ok: true, value });
  });

  it.each([
    { case: 'blanks', input: '   ', message: 'Required' },
    { case: '101 characters', input: chars(101), message: 'At most 100 characters' },
    { case: 'a NUL character', input: 'Ann\u0000', message: 'Must not contain NUL characters' },
  ])('refuses $case', ({ input, message }) => {
    expect(validate(text, input)).toEqual({ ok: false, fields: { _: message } });
  });
});

describe('signUpSchema', () => {
  const valid = {
    workspaceName: ' Corner Bakery ',
    name: ' Ann Lee ',
    email: ' Ann@Example.COM ',
    password: 'correct horse',
  };

  it('normalizes a valid sign-up', () => {
    expect(validate(signUpSchema, valid)).toEqual({
      ok: true,
      value: {
        workspaceName: 'Corner Bakery',
        name: 'Ann Lee',
        email: 'ann@example.com',
        password: 'correct horse',
      },
    });
  });

  it.each([
    { case: 'a blank workspace name', patch: { workspaceName: ' ' }, fields: { workspaceName: 'Required' } },
    {
      case: 'a 101-character workspace name',
      patch: { workspaceName: chars(101) },
      fields: { workspaceName: 'At most 100 characters' },
    },
    { case: 'a blank name', patch: { name: '' }, fields: { name: 'Required' } },
    { case: 'an invalid email', patch: { email: 'ann@' }, fields: { email: 'Enter a valid email address' } },
    {
      case: 'a 9-character password',
      patch: { password: chars(9) },
      fields: { password: 'Use at least 10 characters' },
    },
  ])('refuses $case', ({ patch, fields }) => {
    expect(validate(signUpSchema, { ...valid, ...patch })).toEqual({ ok: false, fields });
  });

  it('names every missing field', () => {
    expect(validate(signUpSchema, {})).toEqual({
      ok: false,
      fields: { workspaceName: missing, name: missing, email: missing, password: missing },
    });
  });
});

describe('signInSchema', () => {
  it('normalizes the email and keeps the password as typed', () => {
    expect(validate(signInSchema, { email: ' Ann@Example.com', password: ' pw ' })).toEqual({
      ok: true,
      value: { email: 'ann@example.com', password: ' pw ' },
    });
  });

  it.each([
    { case: 'a 1-character password (older, shorter ones still sign in)', password: 'x' },
    { case: 'a 200-character password', password: chars(200) },
  ])('accepts $case', ({ password }) => {
    expect(validate(signInSchema, { email: 'ann@example.com', password })).toEqual({
      ok: true,
      value: { email: 'ann@example.com', password },
    });
  });

  it.each([
    {
      case: 'an empty password',
      input: { email: 'ann@example.com', password: '' },
      fields: { password: 'Required' },
    },
    {
      case: 'a 201-character password',
      input: { email: 'ann@example.com', password: chars(201) },
      fields: { password: 'At most 200 characters' },
    },
    {
      case: 'an invalid email',
      input: { email: 'ann', password: 'pw' },
      fields: { email: 'Enter a valid email address' },
    },
    { case: 'nothing', input: {}, fields: { email: missing, password: missing } },
  ])('refuses $case', ({ input, fields }) => {
    expect(validate(signInSchema, input)).toEqual({ ok: false, fields });
  });
});

describe('inviteMemberSchema', () => {
  const valid = { email: ' Bo@Example.com ', name: ' Bo ', role: 'STAFF' };

  it.each(ROLES)('accepts the %s role', (role) => {
    expect(validate(inviteMemberSchema, { ...valid, role })).toEqual({
      ok: true,
      value: { email: 'bo@example.com', name: 'Bo', role },
    });
  });

  it.each([
    { case: 'an unknown role', patch: { role: 'ADMIN' } },
    { case: 'a lower-case role', patch: { role: 'staff' } },
  ])('refuses $case', ({ patch }) => {
    expect(validate(inviteMemberSchema, { ...valid, ...patch })).toEqual({
      ok: false,
      fields: { role: 'Invalid option: expected one of "OWNER"|"STAFF"' },
    });
  });

  it.each([
    { case: 'a blank name', patch: { name: ' ' }, fields: { name: 'Required' } },
    { case: 'a 101-character name', patch: { name: chars(101) }, fields: { name: 'At most 100 characters' } },
    { case: 'an invalid email', patch: { email: 'bo' }, fields: { email: 'Enter a valid email address' } },
  ])('refuses $case', ({ patch, fields }) => {
    expect(validate(inviteMemberSchema, { ...valid, ...patch })).toEqual({ ok: false, fields });
  });
});

describe('acceptInvitationSchema', () => {
  const valid = { token: 'a1b2c3', name: ' Bo ', password: 'long enough' };

  it.each([
    { case: 'a short token', token: 'a1b2c3' },
    { case: 'a 200-character token', token: chars(200) },
  ])('accepts $case', ({ token }) => {
    expect(validate(acceptInvitationSchema, { ...valid, token })).toEqual({
      ok: true,
      value: { token, name: 'Bo', password: 'long enough' },
    });
  });

  it.each([
    { case: 'an empty token', patch: { token: '' }, fields: { token: 'Required' } },
    { case: 'a 201-character token', patch: { token: chars(201) }, fields: { token: 'Invalid token' } },
    { case: 'a blank name', patch: { name: '  ' }, fields: { name: 'Required' } },
    {
      case: 'a 9-character password',
      patch: { password: chars(9) },
      fields: { password: 'Use at least 10 characters' },
    },
  ])('refuses $case', ({ patch, fields }) => {
    expect(validate(acceptInvitationSchema, { ...valid, ...patch })).toEqual({ ok: false, fields });
  });
});

describe('updateWorkspaceSchema', () => {
  it.each([
    { case: 'no change', input: {}, value: {} },
    { case: 'only a name, trimmed', input: { name: ' Bakery ' }, value: { name: 'Bakery' } },
    { case: 'only a cadence of 1 day', input: { defaultCadenceDays: 1 }, value: { defaultCadenceDays: 1 } },
    { case: 'a cadence of 365 days', input: { defaultCadenceDays: 365 }, value: { defaultCadenceDays: 365 } },
  ])('accepts $case', ({ input, value }) => {
    expect(validate(updateWorkspaceSchema, input)).toEqual({ ok: true, value });
  });

  it.each([
    {
      case: 'a null name',
      input: { name: null },
      fields: { name: 'Invalid input: expected string, received null' },
    },
    { case: 'a blank name', input: { name: ' ' }, fields: { name: 'Required' } },
    { case: 'a 101-character name', input: { name: chars(101) }, fields: { name: 'At most 100 characters' } },
    {
      case: 'a null cadence',
      input: { defaultCadenceDays: null },
      fields: { defaultCadenceDays: 'Enter a number of days' },
    },
    {
      case: 'a cadence of 0 days',
      input: { defaultCadenceDays: 0 },
      fields: { defaultCadenceDays: 'At least 1 day' },
    },
    {
      case: 'a cadence of 366 days',
      input: { defaultCadenceDays: 366 },
      fields: { defaultCadenceDays: 'At most 365 days' },
    },
    {
      case: 'a cadence of 7.5 days',
      input: { defaultCadenceDays: 7.5 },
      fields: { defaultCadenceDays: 'Use whole days' },
    },
    { case: 'an unknown field', input: { id: 'w1' }, fields: { _: 'Unrecognized key: "id"' } },
  ])('refuses $case', ({ input, fields }) => {
    expect(validate(updateWorkspaceSchema, input)).toEqual({ ok: false, fields });
  });
});

describe('keepsAnOwner', () => {
  const [a, b, c] = ['a', 'b', 'c'];

  it.each<[string, string[], string, 'OWNER' | 'STAFF' | null, boolean]>([
    ['demoting the only owner', [a], a, 'STAFF', false],
    ['removing the only owner', [a], a, null, false],
    ['demoting one of two owners', [a, b], a, 'STAFF', true],
    ['removing one of two owners', [a, b], b, null, true],
    ['removing a staff member', [a], c, null, true],
    ['promoting a staff member', [a], c, 'OWNER', true],
    ['keeping the only owner an owner', [a], a, 'OWNER', true],
  ])('%s', (_, owners, member, role, expected) => {
    expect(keepsAnOwner(owners, member, role)).toBe(expected);
  });
});
