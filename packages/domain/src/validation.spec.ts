import { z } from 'zod';
import {
  cadenceDays,
  dateTime,
  email,
  id,
  optionalEmail,
  optionalText,
  password,
  requiredText,
  validate,
} from './validation';

const chars = (n: number) => 'x'.repeat(n);
/** A syntactically valid address exactly `n` characters long. */
const emailOfLength = (n: number) => `${'a'.repeat(n - '@example.com'.length)}@example.com`;

describe('validate', () => {
  const schema = z.object({
    name: z
      .string()
      .min(3, 'Too short')
      .regex(/^[a-z]+$/, 'Lower-case letters only'),
    facts: z.array(z.object({ label: z.string().min(1, 'Required'), value: z.string().min(1, 'Required') })),
  });

  it('answers the parsed (transformed) value of a valid input', () => {
    expect(validate(requiredText(10), '  Ann  ')).toEqual({ ok: true, value: 'Ann' });
  });

  it('names a nested field by its dotted path', () => {
    const input = {
      name: 'ann',
      facts: [{ label: 'a', value: 'b' }, { label: 'c' }, { label: '', value: 'd' }],
    };
    expect(validate(schema, input)).toEqual({
      ok: false,
      fields: {
        'facts.1.value': 'Invalid input: expected string, received undefined',
        'facts.2.label': 'Required',
      },
    });
  });

  it('keeps the first message of a field that breaks several rules', () => {
    const input = { name: 'A1', facts: [] };
    expect(schema.safeParse(input).error?.issues.map((issue) => issue.message)).toEqual([
      'Too short',
      'Lower-case letters only',
    ]);
    expect(validate(schema, input)).toEqual({ ok: false, fields: { name: 'Too short' } });
  });

  it('reports every bad field at once', () => {
    expect(validate(schema, { name: '', facts: 'none' })).toEqual({
      ok: false,
      fields: { name: 'Too short', facts: 'Invalid input: expected array, received string' },
    });
  });

  it('names a problem with the input as a whole "_"', () => {
    expect(validate(schema, null)).toEqual({
      ok: false,
      fields: { _: 'Invalid input: expected object, received null' },
    });
  });
});

describe('requiredText', () => {
  const name = requiredText(5);

  it.each([
    { case: 'a text', input: 'Ann', value: 'Ann' },
    { case: 'a text, trimmed', input: '  Ann \n', value: 'Ann' },
    { case: 'max characters', input: chars(5), value: chars(5) },
    { case: 'max characters once trimmed', input: ` ${chars(5)} `, value: chars(5) },
    { case: 'a character beyond the BMP (a surrogate pair)', input: 'Ann 😀', value: 'Ann 😀' },
  ])('accepts $case', ({ input, value }) => {
    expect(validate(name, input)).toEqual({ ok: true, value });
  });

  it.each([
    { case: 'an empty text', input: '', message: 'Required' },
    { case: 'blanks', input: ' \t\n ', message: 'Required' },
    { case: 'max + 1 characters', input: chars(6), message: 'At most 5 characters' },
    { case: 'a NUL character', input: 'a\u0000b', message: 'Must not contain NUL characters' },
    { case: 'a lone high surrogate', input: 'a\ud800b', message: 'Must be valid Unicode text' },
    { case: 'a lone low surrogate', input: '\udc00', message: 'Must be valid Unicode text' },
    { case: 'a number', input: 42, message: 'Invalid input: expected string, received number' },
    { case: 'null', input: null, message: 'Invalid input: expected string, received null' },
    { case: 'undefined', input: undefined, message: 'Invalid input: expected string, received undefined' },
  ])('refuses $case', ({ input, message }) => {
    expect(validate(name, input)).toEqual({ ok: false, fields: { _: message } });
  });
});

describe('optionalText', () => {
  const note = optionalText(5);

  it.each([
    { case: 'a text, trimmed', input: ' note ', value: 'note' },
    { case: 'max characters', input: chars(5), value: chars(5) },
    { case: 'an empty text as null', input: '', value: null },
    { case: 'blanks as null', input: ' \t ', value: null },
    { case: 'null as null', input: null, value: null },
    { case: 'undefined as null', input: undefined, value: null },
  ])('accepts $case', ({ input, value }) => {
    expect(validate(note, input)).toEqual({ ok: true, value });
  });

  it.each([
    { case: 'max + 1 characters', input: chars(6), message: 'At most 5 characters' },
    { case: 'a NUL character', input: '\u0000', message: 'Must not contain NUL characters' },
    { case: 'a surrogate pair reversed', input: '\ude00\ud83d', message: 'Must be valid Unicode text' },
    { case: 'a number', input: 42, message: 'Invalid input: expected string, received number' },
  ])('refuses $case', ({ input, message }) => {
    expect(validate(note, input)).toEqual({ ok: false, fields: { _: message } });
  });
});

describe('email', () => {
  it.each([
    { case: 'an address', input: 'ann@example.com', value: 'ann@example.com' },
    {
      case: 'an address, lower-cased and trimmed',
      input: ' Ann.Lee+crm@Example.COM ',
      value: 'ann.lee+crm@example.com',
    },
    { case: '254 characters', input: emailOfLength(254), value: emailOfLength(254) },
    { case: '254 characters once trimmed', input: ` ${emailOfLength(254)} `, value: emailOfLength(254) },
  ])('accepts $case', ({ input, value }) => {
    expect(validate(email, input)).toEqual({ ok: true, value });
  });

  it.each([
    '',
    '   ',
    'ann',
    'ann@',
    '@example.com',
    'ann@example',
    'ann lee@example.com',
    'ann@@example.com',
  ])('refuses %j', (input) => {
    expect(validate(email, input)).toEqual({ ok: false, fields: { _: 'Enter a valid email address' } });
  });

  it('refuses an address of 255 characters', () => {
    expect(validate(email, emailOfLength(255))).toEqual({
      ok: false,
      fields: { _: 'At most 254 characters' },
    });
  });

  it.each([null, undefined])('refuses %p', (input) => {
    expect(validate(email, input)).toEqual({
      ok: false,
      fields: { _: `Invalid input: expected string, received ${input}` },
    });
  });
});

describe('optionalEmail', () => {
  it.each([
    { case: 'an address, lower-cased and trimmed', input: ' Ann@Example.com ', value: 'ann@example.com' },
    { case: 'an empty text as null', input: '', value: null },
    { case: 'blanks as null', input: '   ', value: null },
    { case: 'null as null', input: null, value: null },
    { case: 'undefined as null', input: undefined, value: null },
  ])('accepts $case', ({ input, value }) => {
    expect(validate(optionalEmail, input)).toEqual({ ok: true, value });
  });

  it.each([
    { case: 'an invalid address', input: 'nope', message: 'Enter a valid email address' },
    { case: '255 characters', input: emailOfLength(255), message: 'At most 254 characters' },
  ])('refuses $case', ({ input, message }) => {
    expect(validate(optionalEmail, input)).toEqual({ ok: false, fields: { _: message } });
  });
});

describe('password', () => {
  it.each([
    { case: '10 characters', input: chars(10) },
    { case: '200 characters', input: chars(200) },
    { case: 'surrounding blanks, untrimmed', input: ' spaces  count ' },
  ])('accepts $case unchanged', ({ input }) => {
    expect(validate(password, input)).toEqual({ ok: true, value: input });
  });

  it.each([
    { case: '9 characters', input: chars(9), message: 'Use at least 10 characters' },
    { case: '201 characters', input: chars(201), message: 'At most 200 characters' },
    { case: 'a number', input: 1234567890, message: 'Invalid input: expected string, received number' },
  ])('refuses $case', ({ input, message }) => {
    expect(validate(password, input)).toEqual({ ok: false, fields: { _: message } });
  });
});

describe('cadenceDays', () => {
  it.each([1, 30, 365])('accepts %p', (days) => {
    expect(validate(cadenceDays, days)).toEqual({ ok: true, value: days });
  });

  it.each([
    [0, 'At least 1 day'],
    [-7, 'At least 1 day'],
    [366, 'At most 365 days'],
    [1.5, 'Use whole days'],
    [364.999, 'Use whole days'],
    ['30', 'Enter a number of days'],
    [Number.NaN, 'Enter a number of days'],
    [Number.POSITIVE_INFINITY, 'Enter a number of days'],
    [null, 'Enter a number of days'],
  ])('refuses %p: %s', (input, message) => {
    expect(validate(cadenceDays, input)).toEqual({ ok: false, fields: { _: message } });
  });
});

describe('id', () => {
  it('accepts a UUID', () => {
    const uuid = '3f0c6f0e-9b7a-4c3e-8f1a-2b5d6c7e8f90';
    expect(validate(id, uuid)).toEqual({ ok: true, value: uuid });
  });

  it.each(['', 'not-a-uuid', '3f0c6f0e9b7a4c3e8f1a2b5d6c7e8f90', 42, null])('refuses %p', (input) => {
    expect(validate(id, input)).toEqual({ ok: false, fields: { _: 'Not a valid id' } });
  });
});

describe('dateTime', () => {
  it.each([
    { case: 'a Date', input: new Date('2025-06-01T09:00:00Z') },
    { case: 'an ISO text with its zone', input: '2025-06-01T11:00:00+02:00' },
    { case: 'the first instant of year 1', input: '0001-01-01T00:00:00Z' },
    { case: 'the last instant of year 9999', input: '9999-12-31T23:59:59.999Z' },
  ])('accepts $case', ({ input }) => {
    expect(validate(dateTime, input)).toEqual({ ok: true, value: new Date(input) });
  });

  it.each([
    {
      case: 'a text without a zone',
      input: '2025-06-01T09:00:00',
      message: 'Enter a date and time with its time zone',
    },
    { case: 'an invalid Date', input: new Date(Number.NaN), message: 'Enter a date and time' },
    {
      case: 'a Date before year 1 (Postgres and JavaScript hold it, ISO 8601 does not)',
      input: new Date('-000001-12-31T23:59:59.999Z'),
      message: 'Enter a date between the years 1 and 9999',
    },
    {
      case: 'the earliest Date JavaScript holds (before what Postgres keeps)',
      input: new Date(-8.64e15),
      message: 'Enter a date between the years 1 and 9999',
    },
    {
      case: 'a Date after year 9999',
      input: new Date('+010000-01-01T00:00:00Z'),
      message: 'Enter a date between the years 1 and 9999',
    },
  ])('refuses $case', ({ input, message }) => {
    expect(validate(dateTime, input)).toEqual({ ok: false, fields: { _: message } });
  });
});
