/**
 * Hostile inputs for any operation, made from the schema with fast-check: valid arguments (from
 * schema-inputs) with one place made hostile — a value of the wrong type, a number out of range, a
 * text of nearly 1 MB, with NUL bytes or lone surrogates, an unknown enum value, a date outside any
 * calendar a database keeps, a missing required field or an extra one, a huge list — and bodies
 * with bytes that are not UTF-8.
 */
import fc from 'fast-check';
import { getNamedType, isEnumType, isInputObjectType } from 'graphql';
import {
  argumentsOf,
  type Fill,
  isList,
  isRequired,
  isWithin,
  OMIT,
  type Operation,
  type Position,
  positionsOf,
} from './schema-inputs';

export interface HostileRequest {
  variables: Record<string, unknown>;
  /** Where the hostile value went (`input.profileFacts.0.label`), and what it is. */
  place: string;
  how: string;
}

interface Hostile {
  value: unknown;
  how: string;
}

const as =
  (how: string) =>
  (value: unknown): Hostile => ({ value, how });

/** Express refuses bodies over 1 MB (413); these texts stay just under it, so they reach the API. */
const NEARLY_1_MB = 1_000_000;
const hugeText = fc
  .constantFrom('x', ' ', '9', 'é', '\u0000', '😀')
  .map((unit) => unit.repeat(Math.floor(NEARLY_1_MB / Buffer.byteLength(unit))))
  .map(as('a text of nearly 1 MB'));

const texts: fc.Arbitrary<Hostile> = fc.oneof(
  { weight: 1, arbitrary: hugeText },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: 201, max: 20_000 }))
      .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length))
      .map(as('a long text')),
  },
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map(as('any code points')) },
  {
    weight: 4,
    arbitrary: fc
      .string()
      .map((s) => `${s}\u0000${s}`)
      .map(as('a NUL byte')),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom('\ud800', 'a\udc00b', '\udfff\ud800x').map(as('a lone surrogate')),
  },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom(
        '',
        ' \t\n ',
        "' or '1'='1",
        "'); drop table customers; --",
        '%_\\',
        '$1',
        '{{constructor.constructor}}',
        '<script>alert(1)</script>',
        '../../etc/passwd',
        'null',
        '00000000-0000-0000-0000-000000000000',
        'ffffffff-ffff-ffff-ffff-ffffffffffff',
      )
      .map(as('a tricky text')),
  },
);

const notText = fc
  .oneof(
    fc.boolean(),
    fc.double({ noInteger: true }),
    fc.constant({}),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
  )
  .map(as('not a text'));

const ints = fc.oneof(
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).map(as('any 32-bit integer')),
  fc
    .oneof(fc.integer({ min: 2 ** 31, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(-(2 ** 31) - 1, 1e308))
    .map(as('beyond 32 bits')),
  fc.double({ noInteger: true, noDefaultInfinity: true, noNaN: true }).map(as('a fraction')),
  fc.oneof(fc.constantFrom('1', '0x10', '', 'NaN'), fc.boolean(), fc.constant([1])).map(as('not a number')),
);

/** Dates a JS Date holds but no calendar a database keeps, impossible ones, numbers, words. */
const dates = fc.oneof(
  fc
    .constantFrom(
      '-271821-04-20T00:00:00.000Z',
      '+275760-09-13T00:00:00.000Z',
      '-004714-11-23T00:00:00.000Z',
      '0000-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
      '+010000-01-01T00:00:00.000Z',
    )
    .map(as('a date at the edge of time')),
  fc.integer({ min: -8.64e15, max: 8.64e15 }).map(as('milliseconds since 1970')),
  fc
    .constantFrom('2024-02-30T00:00:00Z', '2024-13-01T00:00:00Z', 'now', '', '1e9', 'Invalid Date')
    .map(as('not a date')),
  fc.oneof(fc.boolean(), fc.constant({}), fc.constant([])).map(as('not a date')),
);

const booleans = fc
  .oneof(fc.constantFrom('true', 'false', 0, 1, 'yes'), fc.constant({}))
  .map(as('not a boolean'));

function enums(position: Position): fc.Arbitrary<Hostile> {
  const type = getNamedType(position.type);
  const values = isEnumType(type) ? type.getValues().map((v) => v.value as string) : [];
  return fc.oneof(
    fc.string().map(as('an unknown enum value')),
    fc.constantFrom(...values).map((v) => as('a misspelt enum value')(`${v.toLowerCase()} `)),
    fc.integer().map(as('a number for an enum')),
  );
}

/** Values of the wrong kind or out of bounds for what the position holds itself. */
function leafValues(position: Position): fc.Arbitrary<Hostile> {
  const type = getNamedType(position.type);
  if (type.name === 'String' || type.name === 'ID') {
    return fc.oneof({ weight: 5, arbitrary: texts }, { weight: 1, arbitrary: notText });
  }
  const typed = isEnumType(type)
    ? enums(position)
    : type.name === 'Int' || type.name === 'Float'
      ? ints
      : type.name === 'DateTime'
        ? dates
        : type.name === 'Boolean'
          ? booleans
          : notText;
  // A huge text where something else goes: refused values are quoted back in errors.
  return fc.oneof({ weight: 12, arbitrary: typed }, { weight: 1, arbitrary: hugeText });
}

/**
 * Everything that can go wrong at one position, given its valid value: mostly a value of the wrong
 * kind for what it holds, sometimes a huge or malformed list, null, or nothing at all.
 */
function hostileAt(position: Position, valid: unknown): fc.Arbitrary<Hostile> {
  const options: fc.WeightedArbitrary<Hostile>[] = [];
  const element = Array.isArray(valid) ? valid[0] : valid;
  const listed = isList(position);
  if (isInputObjectType(getNamedType(position.type))) {
    const extraField = fc
      .tuple(fc.string({ minLength: 1, maxLength: 20 }), fc.jsonValue({ maxDepth: 2 }))
      .map(([key, extra]) => ({ ...(element as object), [`x${key}`]: extra }))
      .map((object) => as('an extra field')(listed ? [object] : object));
    const notAnObject = fc.oneof(fc.string(), fc.integer(), fc.constant([[]])).map(as('not an object'));
    options.push({ weight: 4, arbitrary: extraField }, { weight: 2, arbitrary: notAnObject });
  } else {
    const wrong = leafValues(position).map((h) => (listed ? { ...h, value: [h.value] } : h));
    options.push({ weight: 8, arbitrary: wrong });
  }
  if (listed) {
    const huge = fc
      .integer({ min: 1_000, max: 10_000 })
      .map((n) => as('a huge list')(Array(n).fill(element)));
    const malformed = fc.constantFrom([null], [[element]], [element, null]).map(as('a malformed list'));
    options.push({ weight: 1, arbitrary: huge }, { weight: 1, arbitrary: malformed });
  }
  options.push({ weight: 1, arbitrary: fc.constant(as('null')(null)) });
  if (isRequired(position)) options.push({ weight: 1, arbitrary: fc.constant(as('missing')(OMIT)) });
  return fc.oneof(...options);
}

const placeOf = (position: Position) => position.path.join('.');

/** `op`'s valid arguments (`fill` gives the values that name something) with one place hostile. */
export function hostileRequest(op: Operation, fill: Fill): fc.Arbitrary<HostileRequest> {
  const positions = positionsOf(op);
  if (positions.length === 0) throw new Error(`${op.name} takes no arguments: nothing to fuzz`);
  return fc.constantFrom(...positions).chain((target) => {
    const include = (position: Position) => isWithin(target, position);
    const valid = argumentsOf(op, { fill, include });
    const validHere = target.path.reduce<unknown>(
      (value, part) => (value as Record<string | number, unknown> | undefined)?.[part],
      valid,
    );
    return hostileAt(target, validHere).map(({ value, how }) => ({
      variables: argumentsOf(op, {
        include,
        fill: (position) => (placeOf(position) === placeOf(target) ? value : fill(position)),
      }),
      place: placeOf(target),
      how,
    }));
  });
}

/** Byte sequences that are not UTF-8: stray, overlong, truncated, surrogate, beyond U+10FFFF. */
export const invalidUtf8 = fc.constantFrom(
  [0xff],
  [0xfe, 0xff],
  [0x80],
  [0xc0, 0x80],
  [0xc3],
  [0xe2, 0x82],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
);
