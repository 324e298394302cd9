import { Kind } from 'graphql';
import { DateTimeScalar } from './scalars';

describe('DateTime', () => {
  it.each(['2019-12-03T09:54:33Z', '2019-12-03T10:54:33.120+01:00'])('takes %p', (text) => {
    expect(DateTimeScalar.parseValue(text)).toEqual(new Date(text));
    expect(DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: text })).toEqual(new Date(text));
  });

  it.each([true, 0, 1_575_366_873_000, {}, [], '2019-12-03', '2019-12-03T09:54:33', 'now', ''])(
    'refuses %p',
    (value) => {
      expect(() => DateTimeScalar.parseValue(value)).toThrow('Enter a date and time with its time zone');
    },
  );

  it('refuses a literal that is not a text', () => {
    expect(() => DateTimeScalar.parseLiteral({ kind: Kind.INT, value: '0' })).toThrow(TypeError);
  });

  it('writes answers as ISO 8601 at UTC', () => {
    expect(DateTimeScalar.serialize(new Date('2019-12-03T10:54:33+01:00'))).toBe('2019-12-03T09:54:33.000Z');
  });
});
