import type { Random } from '../demo/random';

/** About normal with mean 0 and deviation 1 (a sum of three uniforms): cheap and bounded. */
export const gaussian = (r: Random): number => (r.next() + r.next() + r.next() - 1.5) * 2;

/** An index into `weights`, each as likely as its weight. */
export function weighted(r: Random, weights: readonly number[]): number {
  const total = weights.reduce((sum, w) => sum + w, 0);
  let x = r.next() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i] as number;
    if (x < 0) return i;
  }
  return weights.length - 1;
}

export const clamp = (x: number, min: number, max: number): number => Math.min(max, Math.max(min, x));
