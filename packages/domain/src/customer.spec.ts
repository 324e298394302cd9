import {
  createCustomerSchema,
  customerFilterSchema,
  customerPageSchema,
  effectiveCadenceDays,
  MAX_PAGE_SIZE,
  MAX_PROFILE_FACTS,
  MAX_TAGS,
  phoneSearchDigits,
  profileFactSchema,
  updateCustomerSchema,
} from './customer';
import { CUSTOMER_ORDERS, CUSTOMER_STATUSES } from './enums';
import { validate } from './validation';

const chars = (n: number) => 'x'.repeat(n);
const digits = (n: number) => '5'.repeat(n);
const tagList = (n: number) => Array.from({ length: n }, (_, i) => `tag-${i}`);
const factList = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `Fact ${i}`, value: 'Noted' }));
const MEMBER_ID = '3f0c6f0e-9b7a-4c3e-8f1a-2b5d6c7e8f90';

describe('customer limits', () => {
  it('allows 20 tags, 50 profile facts and pages of 100', () => {
    expect({ MAX_TAGS, MAX_PROFILE_FACTS, MAX_PAGE_SIZE }).toEqual({
      MAX_TAGS: 20,
      MAX_PROFILE_FACTS: 50,
      MAX_PAGE_SIZE: 100,
    });
  });
});

describe('profileFactSchema', () => {
  it.each([
    {
      case: 'a fact, trimmed',
      input: { label: ' Family ', value: ' Two kids ' },
      value: { label: 'Family', value: 'Two kids' },
    },
    {
      case: 'a 60-character label and a 500-character value',
      input: { label: chars(60), value: chars(500) },
      value: { label: chars(60), value: chars(500) },
    },
  ])('accepts $case', ({ input, value }) => {
    expect(validate(profileFactSchema, input)).toEqual({ ok: true, value });
  });

  it.each([
    { case: 'a blank label', input: { label: ' ', value: 'x' }, fields: { label: 'Required' } },
    { case: 'a blank value', input: { label: 'x', value: '' }, fields: { value: 'Required' } },
    {
      case: 'a 61-character label',
      input: { label: chars(61), value: 'x' },
      fields: { label: 'At most 60 characters' },
    },
    {
      case: 'a 501-character value',
      input: { label: 'x', value: chars(501) },
      fields: { value: 'At most 500 characters' },
    },
    {
      case: 'a NUL in the value',
      input: { label: 'x', value: 'a\u0000' },
      fields: { value: 'Must not contain NUL characters' },
    },
    {
      case: 'a missing value',
      input: { label: 'x' },
      fields: { value: 'Invalid input: expected string, received undefined' },
    },
  ])('refuses $case', ({ input, fields }) => {
    expect(validate(profileFactSchema, input)).toEqual({ ok: false, fields });
  });
});

describe('createCustomerSchema', () => {
  it('needs only a name, and fills the other fields with empty values', () => {
    expect(validate(createCustomerSchema, { name: ' Ann Lee ' })).toEqual({
      ok: true,
      value: {
        idempotencyKey: null,
        name: 'Ann Lee',
        company: null,
        email: null,
        phone: null,
        tags: [],
        notes: null,
        profileFacts: [],
      },
    });
  });

  it('normalizes a complete customer', () => {
    const input = {
      name: 'Ann Lee',
      company: ' Lee & Co ',
      email: ' Ann@Lee.CO ',
      phone: ' +44 20 7946 0958 ',
      tags: ['VIP', ' vip', 'Wholesale'],
      notes: ' Prefers mornings. ',
      profileFacts: [{ label: 'Anniversary', value: 'June 12' }],
      ownerId: MEMBER_ID,
      cadenceDays: 14,
    };
    expect(validate(createCustomerSchema, input)).toEqual({
      ok: true,
      value: {
        idempotencyKey: null,
        ...input,
        company: 'Lee & Co',
        email: 'ann@lee.co',
        phone: '+44 20 7946 0958',
        tags: ['vip', 'wholesale'],
        notes: 'Prefers mornings.',
      },
    });
  });

  it('reads null tags and profile facts as none', () => {
    expect(validate(createCustomerSchema, { name: 'Ann', tags: null, profileFacts: null })).toMatchObject({
      ok: true,
      value: { tags: [], profileFacts: [] },
    });
  });

  it.each([
    { case: 'a missing name', input: {}, message: 'Invalid input: expected string, received undefined' },
    { case: 'a null name', input: { name: null }, message: 'Invalid input: expected string, received null' },
    { case: 'a blank name', input: { name: '   ' }, message: 'Required' },
    { case: 'a 201-character name', input: { name: chars(201) }, message: 'At most 200 characters' },
  ])('refuses $case', ({ input, message }) => {
    expect(validate(createCustomerSchema, input)).toEqual({ ok: false, fields: { name: message } });
  });

  it('accepts a 200-character name', () => {
    expect(validate(createCustomerSchema, { name: chars(200) })).toMatchObject({
      ok: true,
      value: { name: chars(200) },
    });
  });
});

// Both schemas apply the same rules to every field but the name; `base` is the least each needs.
describe.each([
  { schema: 'createCustomerSchema', customer: createCustomerSchema, base: { name: 'Ann' } },
  { schema: 'updateCustomerSchema', customer: updateCustomerSchema, base: {} },
])('$schema fields', ({ customer, base }) => {
  it.each([
    { case: 'a company, trimmed', patch: { company: ' Lee & Co ' }, value: { company: 'Lee & Co' } },
    { case: 'a 200-character company', patch: { company: chars(200) }, value: { company: chars(200) } },
    { case: 'a blank company as null', patch: { company: ' ' }, value: { company: null } },
    { case: 'an email, lower-cased', patch: { email: ' Ann@Lee.CO ' }, value: { email: 'ann@lee.co' } },
    { case: 'a blank email as null', patch: { email: '' }, value: { email: null } },
    { case: 'a 10000-character note', patch: { notes: chars(10_000) }, value: { notes: chars(10_000) } },
    { case: 'a blank note as null', patch: { notes: '\n' }, value: { notes: null } },
    { case: 'a blank phone as null', patch: { phone: '  ' }, value: { phone: null } },
    { case: 'a 40-character phone', patch: { phone: digits(40) }, value: { phone: digits(40) } },
    { case: 'a 3-character phone', patch: { phone: '112' }, value: { phone: '112' } },
    ...['+1 (555) 123-4567', '0161 496 0000', '555.123.4567', '+44/20/7946/0958'].map((phone) => ({
      case: `the phone ${phone}`,
      patch: { phone },
      value: { phone },
    })),
    {
      case: 'tags, trimmed, lower-cased and de-duplicated',
      patch: { tags: [' VIP ', 'vip', 'Gold', 'GOLD'] },
      value: { tags: ['vip', 'gold'] },
    },
    { case: `${MAX_TAGS} tags`, patch: { tags: tagList(MAX_TAGS) }, value: { tags: tagList(MAX_TAGS) } },
    {
      case: `${MAX_TAGS} tags once de-duplicated`,
      patch: { tags: [...tagList(MAX_TAGS), 'TAG-0', ' tag-1 '] },
      value: { tags: tagList(MAX_TAGS) },
    },
    { case: 'a 40-character tag', patch: { tags: [chars(40)] }, value: { tags: [chars(40)] } },
    { case: 'no tags', patch: { tags: [] }, value: { tags: [] } },
    {
      case: 'profile facts, trimmed',
      patch: { profileFacts: [{ label: ' Goal ', value: ' Open a second shop ' }] },
      value: { profileFacts: [{ label: 'Goal', value: 'Open a second shop' }] },
    },
    {
      case: `${MAX_PROFILE_FACTS} profile facts`,
      patch: { profileFacts: factList(MAX_PROFILE_FACTS) },
      value: { profileFacts: factList(MAX_PROFILE_FACTS) },
    },
    { case: 'an owner', patch: { ownerId: MEMBER_ID }, value: { ownerId: MEMBER_ID } },
    { case: 'no owner', patch: { ownerId: null }, value: { ownerId: null } },
    { case: 'a cadence of 1 day', patch: { cadenceDays: 1 }, value: { cadenceDays: 1 } },
    { case: 'a cadence of 365 days', patch: { cadenceDays: 365 }, value: { cadenceDays: 365 } },
    { case: 'no cadence of its own', patch: { cadenceDays: null }, value: { cadenceDays: null } },
  ])('accepts $case', ({ patch, value }) => {
    expect(validate(customer, { ...base, ...patch })).toMatchObject({ ok: true, value });
  });

  it.each([
    {
      case: 'a 201-character company',
      patch: { company: chars(201) },
      fields: { company: 'At most 200 characters' },
    },
    {
      case: 'a NUL in the company',
      patch: { company: 'A\u0000' },
      fields: { company: 'Must not contain NUL characters' },
    },
    {
      case: 'an invalid email',
      patch: { email: 'ann@lee' },
      fields: { email: 'Enter a valid email address' },
    },
    {
      case: 'a 10001-character note',
      patch: { notes: chars(10_001) },
      fields: { notes: 'At most 10000 characters' },
    },
    {
      case: 'a NUL in the notes',
      patch: { notes: '\u0000' },
      fields: { notes: 'Must not contain NUL characters' },
    },
    {
      case: 'a 41-character phone',
      patch: { phone: digits(41) },
      fields: { phone: 'At most 40 characters' },
    },
    {
      case: 'a NUL in the phone',
      patch: { phone: '555\u0000' },
      fields: { phone: 'Must not contain NUL characters' },
    },
    ...['12', 'call me', '555 123 ext 4', '+1 555 123 4567 #2', '---', '()/', '555\n123'].map((phone) => ({
      case: `the phone ${phone}`,
      patch: { phone },
      fields: { phone: 'Use digits, spaces and + ( ) - . / only' },
    })),
    { case: 'tags that are not a list', patch: { tags: 'vip' }, fields: { tags: 'Must be a list of tags' } },
    {
      case: `${MAX_TAGS + 1} tags`,
      patch: { tags: tagList(MAX_TAGS + 1) },
      fields: { tags: 'At most 20 tags' },
    },
    { case: 'a blank tag', patch: { tags: ['vip', ' '] }, fields: { 'tags.1': 'Required' } },
    {
      case: 'a 41-character tag',
      patch: { tags: [chars(41)] },
      fields: { 'tags.0': 'At most 40 characters' },
    },
    {
      case: `${MAX_PROFILE_FACTS + 1} profile facts`,
      patch: { profileFacts: factList(MAX_PROFILE_FACTS + 1) },
      fields: { profileFacts: 'At most 50 facts' },
    },
    {
      case: 'a profile fact without a label',
      patch: { profileFacts: [{ label: ' ', value: 'Two kids' }] },
      fields: { 'profileFacts.0.label': 'Required' },
    },
    {
      case: 'a profile fact with a 501-character value',
      patch: { profileFacts: [...factList(1), { label: 'Notes', value: chars(501) }] },
      fields: { 'profileFacts.1.value': 'At most 500 characters' },
    },
    { case: 'an owner id that is no UUID', patch: { ownerId: 'ann' }, fields: { ownerId: 'Not a valid id' } },
    { case: 'a cadence of 0 days', patch: { cadenceDays: 0 }, fields: { cadenceDays: 'At least 1 day' } },
    {
      case: 'a cadence of 366 days',
      patch: { cadenceDays: 366 },
      fields: { cadenceDays: 'At most 365 days' },
    },
    { case: 'a cadence of 1.5 days', patch: { cadenceDays: 1.5 }, fields: { cadenceDays: 'Use whole days' } },
    {
      case: 'a cadence given as text',
      patch: { cadenceDays: '30' },
      fields: { cadenceDays: 'Enter a number of days' },
    },
  ])('refuses $case', ({ patch, fields }) => {
    expect(validate(customer, { ...base, ...patch })).toEqual({ ok: false, fields });
  });
});

describe('updateCustomerSchema', () => {
  it.each([
    { case: 'no change', input: {}, value: {} },
    { case: 'only a new name, trimmed', input: { name: ' Ann Lee ' }, value: { name: 'Ann Lee' } },
    { case: 'only new notes', input: { notes: 'Call on Tuesday' }, value: { notes: 'Call on Tuesday' } },
    { case: 'only new tags', input: { tags: ['VIP'] }, value: { tags: ['vip'] } },
    { case: 'clearing the tags', input: { tags: [] }, value: { tags: [] } },
  ])('answers only the named fields: $case', ({ input, value }) => {
    expect(validate(updateCustomerSchema, input)).toEqual({ ok: true, value });
  });

  it.each(['company', 'email', 'phone', 'notes', 'ownerId', 'cadenceDays'])(
    'clears %s with null',
    (field) => {
      expect(validate(updateCustomerSchema, { [field]: null })).toEqual({
        ok: true,
        value: { [field]: null },
      });
    },
  );

  it('drops fields an update cannot change', () => {
    const input = { name: 'Ann', id: MEMBER_ID, status: 'ARCHIVED', workspaceId: MEMBER_ID };
    expect(validate(updateCustomerSchema, input)).toEqual({ ok: true, value: { name: 'Ann' } });
  });

  it.each([
    {
      case: 'a null name',
      input: { name: null },
      fields: { name: 'Invalid input: expected string, received null' },
    },
    { case: 'a blank name', input: { name: ' ' }, fields: { name: 'Required' } },
    { case: 'a 201-character name', input: { name: chars(201) }, fields: { name: 'At most 200 characters' } },
    { case: 'null tags', input: { tags: null }, fields: { tags: 'Must be a list of tags' } },
    {
      case: 'null profile facts',
      input: { profileFacts: null },
      fields: { profileFacts: 'Invalid input: expected array, received null' },
    },
  ])('refuses $case', ({ input, fields }) => {
    expect(validate(updateCustomerSchema, input)).toEqual({ ok: false, fields });
  });
});

describe('customerFilterSchema', () => {
  it('reads an empty filter as no search and no tag', () => {
    expect(validate(customerFilterSchema, {})).toEqual({ ok: true, value: { search: null, tag: null } });
  });

  it.each([
    { case: 'a search, trimmed', input: { search: ' lee ' }, value: { search: 'lee' } },
    { case: 'a 200-character search', input: { search: chars(200) }, value: { search: chars(200) } },
    { case: 'a blank search as null', input: { search: ' ' }, value: { search: null } },
    { case: 'a tag, trimmed and lower-cased', input: { tag: ' VIP ' }, value: { tag: 'vip' } },
    { case: 'a 40-character tag', input: { tag: chars(40) }, value: { tag: chars(40) } },
    { case: 'a blank tag as null', input: { tag: '' }, value: { tag: null } },
    { case: 'an owner', input: { ownerId: MEMBER_ID }, value: { ownerId: MEMBER_ID } },
    ...CUSTOMER_STATUSES.map((status) => ({
      case: `the ${status} status`,
      input: { status },
      value: { status },
    })),
  ])('accepts $case', ({ input, value }) => {
    expect(validate(customerFilterSchema, input)).toEqual({
      ok: true,
      value: { search: null, tag: null, ...value },
    });
  });

  it.each([
    {
      case: 'a 201-character search',
      input: { search: chars(201) },
      fields: { search: 'At most 200 characters' },
    },
    {
      case: 'a NUL in the search',
      input: { search: '\u0000' },
      fields: { search: 'Must not contain NUL characters' },
    },
    { case: 'a 41-character tag', input: { tag: chars(41) }, fields: { tag: 'At most 40 characters' } },
    { case: 'an owner id that is no UUID', input: { ownerId: '42' }, fields: { ownerId: 'Not a valid id' } },
    {
      case: 'an unknown status',
      input: { status: 'DELETED' },
      fields: { status: 'Invalid option: expected one of "ACTIVE"|"ARCHIVED"' },
    },
  ])('refuses $case', ({ input, fields }) => {
    expect(validate(customerFilterSchema, input)).toEqual({ ok: false, fields });
  });
});

describe('phoneSearchDigits', () => {
  it.each([
    ['(555) 010', '555010'],
    ['+1 555-010-2030', '15550102030'],
    ['777 8888', '7778888'],
    ['12/34.5', '12345'],
  ])('reads %s as a phone number: %s', (search, digits) => {
    expect(phoneSearchDigits(search)).toBe(digits);
  });

  it.each([
    ['digits inside a name', 'Studio 777'],
    ['fewer than three digits', '(55)'],
    ['no digits', '+ - /'],
    ['a percent sign', '100%'],
  ])('reads %s as text', (_, search) => {
    expect(phoneSearchDigits(search)).toBeNull();
  });
});

describe('customerPageSchema', () => {
  it('defaults to the first 50 customers by name', () => {
    expect(validate(customerPageSchema, {})).toEqual({ ok: true, value: { first: 50, orderBy: 'NAME' } });
  });

  it('reads null paging arguments as left out', () => {
    expect(validate(customerPageSchema, { first: null, orderBy: null })).toEqual({
      ok: true,
      value: { first: 50, orderBy: 'NAME' },
    });
  });

  it.each([
    { case: 'first: 1', input: { first: 1 } },
    { case: `first: ${MAX_PAGE_SIZE}`, input: { first: MAX_PAGE_SIZE } },
    { case: 'a 500-character cursor', input: { after: chars(500) } },
    { case: 'a null cursor', input: { after: null } },
    { case: 'a null filter', input: { filter: null } },
    ...CUSTOMER_ORDERS.map((orderBy) => ({ case: `orderBy: ${orderBy}`, input: { orderBy } })),
  ])('accepts $case', ({ input }) => {
    expect(validate(customerPageSchema, input)).toEqual({
      ok: true,
      value: { first: 50, orderBy: 'NAME', ...input },
    });
  });

  it('normalizes a nested filter', () => {
    expect(validate(customerPageSchema, { filter: { tag: 'VIP', status: 'ARCHIVED' } })).toMatchObject({
      ok: true,
      value: { filter: { search: null, tag: 'vip', status: 'ARCHIVED' } },
    });
  });

  it.each([
    { case: 'first: 0', input: { first: 0 }, fields: { first: 'At least 1' } },
    {
      case: `first: ${MAX_PAGE_SIZE + 1}`,
      input: { first: MAX_PAGE_SIZE + 1 },
      fields: { first: 'At most 100' },
    },
    {
      case: 'first: 2.5',
      input: { first: 2.5 },
      fields: { first: 'Use a whole number' },
    },
    {
      case: 'first given as text',
      input: { first: '10' },
      fields: { first: 'Enter a number' },
    },
    {
      case: 'a 501-character cursor',
      input: { after: chars(501) },
      fields: { after: 'Not a valid cursor' },
    },
    {
      case: 'an unknown order',
      input: { orderBy: 'FAVOURITE' },
      fields: {
        orderBy: `Invalid option: expected one of ${CUSTOMER_ORDERS.map((o) => `"${o}"`).join('|')}`,
      },
    },
    {
      case: 'a bad filter, naming the nested field',
      input: { filter: { tag: chars(41), ownerId: 'x' } },
      fields: { 'filter.tag': 'At most 40 characters', 'filter.ownerId': 'Not a valid id' },
    },
  ])('refuses $case', ({ input, fields }) => {
    expect(validate(customerPageSchema, input)).toEqual({ ok: false, fields });
  });
});

describe('effectiveCadenceDays', () => {
  it.each([
    { own: 14, workspace: 30, effective: 14 },
    { own: 365, workspace: 7, effective: 365 },
    { own: null, workspace: 30, effective: 30 },
    { own: undefined, workspace: 45, effective: 45 },
  ])(
    "is $effective for the customer's $own and the workspace's $workspace",
    ({ own, workspace, effective }) => {
      expect(effectiveCadenceDays(own, workspace)).toBe(effective);
    },
  );
});
