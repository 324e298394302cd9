import { mediumDate, mediumDateTime, utcMonthDay, utcMonthYear } from './labels';

/** Every hour of 2025 and 2026 at a varying minute (the test's time zone's changes of offset included). */
function hoursOfTwoYears(): Date[] {
  const dates: Date[] = [];
  for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) {
    dates.push(new Date(t + (dates.length % 60) * 60_000));
  }
  return dates;
}

describe('English dates, as Intl writes them in English', () => {
  const dates = [
    ...hoursOfTwoYears(),
    new Date(Date.UTC(1999, 11, 31, 23, 59)),
    new Date(2000, 1, 29, 12, 0),
  ];
  const cases = [
    ['mediumDate', mediumDate, { dateStyle: 'medium' }],
    ['mediumDateTime', mediumDateTime, { dateStyle: 'medium', timeStyle: 'short' }],
    ['utcMonthDay', utcMonthDay, { month: 'short', day: 'numeric', timeZone: 'UTC' }],
    ['utcMonthYear', utcMonthYear, { month: 'short', year: 'numeric', timeZone: 'UTC' }],
  ] as const;

  it.each(cases)('%s', (_, format, options) => {
    const intl = new Intl.DateTimeFormat('en', options);
    const differing = dates.filter((date) => format(date) !== intl.format(date));
    expect(differing.map((date) => `${date.toISOString()}: ${format(date)} ≠ ${intl.format(date)}`)).toEqual(
      [],
    );
  });

  it('writes midnight and noon on the twelve-hour clock', () => {
    expect(mediumDateTime(new Date(2025, 10, 25, 0, 7))).toBe('Nov 25, 2025, 12:07 AM');
    expect(mediumDateTime(new Date(2025, 10, 25, 12, 0))).toBe('Nov 25, 2025, 12:00 PM');
    expect(mediumDateTime(new Date(2025, 10, 25, 15, 4))).toBe('Nov 25, 2025, 3:04 PM');
  });
});
