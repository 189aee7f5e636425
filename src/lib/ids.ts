const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Uniform random base62 string (rejection sampling keeps every symbol equally likely). */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
    for (const b of bytes) {
      if (b < 248 && out.length < length) out += BASE62[b % 62];
    }
  }
  return out;
}

export type IdPrefix =
  | "ord"
  | "shp"
  | "ib"
  | "rcp"
  | "adj"
  | "ret"
  | "whk"
  | "evt"
  | "prd"
  | "key"
  | "ten"
  | "req"
  | "del"
  | "op";

export const newId = (prefix: IdPrefix) => `${prefix}_${randomBase62(20)}`;
