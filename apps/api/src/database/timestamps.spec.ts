import { types } from 'pg';
import { parseTimestamptz, pgTypes } from './timestamps';

const pgParse = types.getTypeParser(1184, 'text');

/** A timestamptz as a UTC session prints it, with 0 to 6 fraction digits (trailing zeros dropped). */
function printed(ms: number, micros: number): string {
  const iso = new Date(ms).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  const fraction = `${iso.slice(20, 23)}${String(micros).padStart(3, '0')}`.replace(/0+$/, '');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? `.${fraction}` : ''}+00`;
}

describe('parseTimestamptz', () => {
  it("reads what a UTC session prints exactly as pg's parser does", () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let i = 0; i < 20_000; i++) {
      const ms = Math.floor((next() - 0.3) * 4e12); // 1931 to 2058
      const micros = i % 4 === 0 ? 0 : Math.floor(next() * 1000);
      const text = printed(i % 5 === 0 ? ms - (ms % 1000) : ms, micros);
      expect([text, parseTimestamptz(text)]).toEqual([text, pgParse(text)]);
    }
  });

  it.each([
    'infinity',
    '-infinity',
    '2026-12-06 10:00:00+05:30',
    '2026-12-06 10:00:00.5-08',
    '0050-01-01 00:00:00+00',
    '2000-01-01 00:00:00+00 BC',
    '12026-01-01 00:00:00+00',
    '2026-12-06 10:00:00.+00',
    '2026-1x-06 10:00:00+00',
  ])('leaves %s to pg’s parser, with the same result', (text) => {
    expect(parseTimestamptz(text)).toEqual(pgParse(text));
  });

  it('is the parser pgTypes gives for timestamptz in text, and only for it', () => {
    expect(pgTypes.getTypeParser(1184, 'text')).toBe(parseTimestamptz);
    expect(pgTypes.getTypeParser(1184)).toBe(parseTimestamptz);
    expect(pgTypes.getTypeParser(1114, 'text')).toBe(types.getTypeParser(1114, 'text'));
    expect(pgTypes.getTypeParser(1184, 'binary')).toBe(types.getTypeParser(1184, 'binary'));
  });
});
