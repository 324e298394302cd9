import { createHash } from 'node:crypto';
import { Random } from '../demo/random';

/** A 32-bit seed for one named stream of chance, so each table's generator draws from its own. */
export function streamSeed(seed: number, stream: string): number {
  const digest = createHash('sha256').update(`${seed}:${stream}`).digest();
  return digest.readUInt32BE(0);
}

export const randomFor = (seed: number, stream: string): Random => new Random(streamSeed(seed, stream));

const MASK24 = 0xff_ffff;

/**
 * Deterministic ids: the same seed, kind and index give the same uuid on every run. The first 64 bits
 * come from a hash of the seed and kind, the last 48 are the index through a keyed 4-round Feistel
 * permutation — unique per index, yet spread over the key space like the app's random v4 ids (so
 * primary-key indexes grow as they would in production, not append-only). Version nibble 8 (RFC 9562
 * "custom"), variant 10.
 */
export class Ids {
  private readonly kinds = new Map<string, { prefix: string; keys: number[] }>();

  constructor(private readonly seed: number) {}

  id(kind: string, index: number): string {
    let k = this.kinds.get(kind);
    if (!k) {
      const digest = createHash('sha256').update(`${this.seed}:id:${kind}`).digest();
      const hex = digest.toString('hex');
      const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
      const prefix = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-`;
      k = { prefix, keys: [0, 1, 2, 3].map((i) => digest.readUInt32BE(12 + 4 * i)) };
      this.kinds.set(kind, k);
    }
    let left = Math.floor(index / 0x100_0000) & MASK24;
    let right = index & MASK24;
    for (const key of k.keys) {
      const mixed = Math.imul((right ^ key) >>> 0, 0x9e37_79b1) >>> 0;
      [left, right] = [right, (left ^ (mixed >>> 8) ^ (mixed & 0xff)) & MASK24];
    }
    return k.prefix + left.toString(16).padStart(6, '0') + right.toString(16).padStart(6, '0');
  }
}
