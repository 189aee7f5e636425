/*
 * Seeded randomness for the sandbox's parcels. Synchronous on purpose: crypto.subtle would
 * make every caller async for no gain, since nothing here needs to be unpredictable, only
 * repeatable: the same seed has to draw the same values on every run and every release.
 */

/** xmur3: folds the seed string into a stream of 32-bit words to seed sfc32 with. */
function xmur3(text: string): () => number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return h >>> 0;
  };
}

/** sfc32: 128 bits of state, so distinct seeds practically never share a sequence. */
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

export interface Draw {
  /** In [0, 1). */
  fraction(): number;
  /** An integer in [0, n). */
  below(n: number): number;
  /** `length` random characters of `alphabet`. */
  chars(length: number, alphabet?: string): string;
}

export function draw(seed: string): Draw {
  const words = xmur3(seed);
  const next = sfc32(words(), words(), words(), words());
  // The first outputs still echo the seed words; mixing them away keeps near-identical
  // seeds (`ord_1:0`, `ord_1:1`) from starting alike.
  for (let i = 0; i < 15; i++) next();
  const below = (n: number) => Math.floor(next() * n);
  return {
    fraction: next,
    below,
    chars: (length, alphabet = "0123456789") =>
      Array.from({ length }, () => alphabet[below(alphabet.length)]).join(""),
  };
}
