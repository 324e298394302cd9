/** Sentences read "−10" with a real minus sign, as PRODUCT.md writes them. */
const MINUS = '\u2212';

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Sentences count whole days elapsed: 5.9 days ago is "5 days ago". */
export function wholeDays(days: number): number {
  return Math.max(0, Math.floor(days));
}

export function daysAgo(days: number): string {
  const whole = wholeDays(days);
  return whole === 0 ? 'today' : `${plural(whole, 'day')} ago`;
}

/** "+1.2", "−0.7", "0.0": one decimal, signed, never "−0.0". */
export function signed(x: number): string {
  const text = Math.abs(x).toFixed(1);
  if (Number(text) === 0) return text;
  return `${x > 0 ? '+' : MINUS}${text}`;
}

export function minus(x: number): string {
  return x === 0 ? '0' : `${MINUS}${x}`;
}

/** "2.5", "2" (not "2.0"): how many cadences have gone by. */
export function multiple(x: number): string {
  return String(Number(x.toFixed(1)));
}

/** "sales", "sales or support", "sales, service or support". */
export function orList(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}
