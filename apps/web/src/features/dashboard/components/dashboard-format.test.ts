import { formatAxisCount } from './dashboard-format';

describe('formatAxisCount', () => {
  it.each([
    [0, '0'],
    [950, '950'],
    [1000, '1k'],
    [2500, '2.5k'],
    [12_000, '12k'],
    [45_885, '46k'],
    [999_499, '999k'],
    [999_999, '1M'],
    [1_200_000, '1.2M'],
    [25_000_000, '25M'],
  ])('writes %d as %s', (count, text) => {
    expect(formatAxisCount(count)).toBe(text);
  });
});
