/** A seeded random source (mulberry32): the same --seed plans the same requests on every machine. */

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
  /** A copy of `items` in a seeded order. */
  shuffle<T>(items: readonly T[]): T[];
  /** `n` letters and digits. */
  alnum(n: number): string;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    pick: (items) => items[int(0, items.length - 1)]!,
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    alnum: (n) => Array.from({ length: n }, () => ALNUM[int(0, ALNUM.length - 1)]).join(''),
  };
}

/** A fresh seed for a run that was not given one (printed, so the run can be repeated). */
export const randomSeed = () => Math.floor(Math.random() * 2 ** 31);

/** Mixes a check's id into the run seed, so adding a check does not reshuffle the others. */
export function seedFor(seed: number, id: string): number {
  let h = seed ^ 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
