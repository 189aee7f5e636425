import { refused } from "../domain/refusals";

/*
 * Answers of the control database that every request needs (who an API key is, which shard
 * holds a tenant), cached so that the control database is not a single point of failure.
 * Each answer is kept in this isolate's memory and in KV for a day, but it is used without
 * asking only while it is fresh (each cache says how long, and why that is safe). Past that
 * the control database is asked again, and a stale answer is served only when it fails or
 * does not answer within CONTROL_TIMEOUT_MS: never instead of asking it. Serving one is
 * logged as one `control_stale` warning; a request with nothing cached is refused 503
 * `control_unavailable` and logged as one `control_unavailable` warning.
 */

/**
 * A healthy control database answers these one-row reads by primary key in a few
 * milliseconds, from the Worker's own region (it is placed next to D1). 1.5 s is far past
 * that yet short enough that a request served stale after waiting it still answers well
 * inside a client's usual timeout.
 */
export const CONTROL_TIMEOUT_MS = 1_500;

/** How long an answer may be served while the control database fails: a day-long outage. */
export const STALE_MS = 24 * 60 * 60_000;

/**
 * After a failed check the stale answer is served for this long without asking again, so an
 * outage that times out costs one wait per answer per isolate every 5 s rather than one per
 * request. It is shorter than any cache's `freshMs`, so it delays no change the control
 * database makes while it is healthy.
 */
export const RETRY_MS = 5_000;

/** What a client refused for lack of any answer is told to wait. */
const RETRY_AFTER_S = 30;

/** An answer, and when the control database gave it (ms since the epoch): KV's entry. */
export interface Checked<T> {
  value: T;
  checked_at: number;
}

interface Held<T> extends Checked<T> {
  /** Until when this isolate uses it without asking. */
  askAfter: number;
}

export interface CacheOptions<T> {
  /** Names the cache in logs, and prefixes its KV keys (`<name>:<id>`). */
  name: string;
  /** How long this isolate uses an answer before asking again. */
  freshMs: number;
  /** How long a KV entry stands for an answer without asking; 0 when KV serves only outages. */
  kvFreshMs: number;
  /** How old KV's entry may grow before an answer that agrees with it is written again. */
  kvRewriteMs: number;
  maxEntries: number;
  /** What a log line names the entry by: never a secret. */
  subject: (id: string, value?: T) => string;
}

const warn = (line: Record<string, unknown>) =>
  console.warn(JSON.stringify({ level: "warn", ...line }));

/** D1's own words: drizzle wraps its error in one that repeats the query and its parameters. */
function messageOf(err: unknown): string {
  let current = err;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}

function withinTimeout<T>(pending: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${CONTROL_TIMEOUT_MS} ms`)),
      CONTROL_TIMEOUT_MS,
    );
  });
  return Promise.race([pending, timeout]).finally(() => {
    if (timer !== undefined) clearTimeout(timer);
  });
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const caches = new Set<ControlCache<unknown>>();

/** Forgets what every cache holds in memory, as a new isolate starts: tests stand for one. */
export function dropIsolateMemory() {
  for (const cache of caches) cache.dropMemory();
}

export class ControlCache<T> {
  private readonly held = new Map<string, Held<T>>();

  constructor(private readonly options: CacheOptions<T>) {
    caches.add(this as ControlCache<unknown>);
  }

  /**
   * The answer for `id`: this isolate's while fresh, else KV's while fresh, else `ask`'s (the
   * control database's; undefined when it has nothing to cache), else the newest stale one.
   */
  async get(
    kv: KVNamespace,
    id: string,
    ask: () => Promise<Checked<T> | undefined>,
  ): Promise<T | undefined> {
    const now = Date.now();
    const held = this.held.get(id);
    if (held && now < held.askAfter) return held.value;
    // Read alongside the control database: it saves rewriting KV, and an outage needs it.
    const stored = this.read(kv, id);
    if (this.options.kvFreshMs > 0) {
      const entry = await stored;
      if (entry && now - entry.checked_at < this.options.kvFreshMs) {
        this.hold(id, entry, now + this.options.freshMs);
        return entry.value;
      }
    }
    let answer: Checked<T> | undefined;
    try {
      answer = await withinTimeout(ask());
    } catch (err) {
      return this.fallBack(id, now, [held, await stored], err);
    }
    if (!answer) {
      // Gone from the control database (or never there): an outage must not bring it back.
      this.held.delete(id);
      if (await stored) await kv.delete(this.kvKey(id)).catch(() => undefined);
      return undefined;
    }
    this.hold(id, answer, now + this.options.freshMs);
    await this.write(kv, id, answer, await stored, now);
    return answer.value;
  }

  /** Drops `id` from this isolate and from KV, so the next lookup asks the control database. */
  async forget(kv: KVNamespace, id: string) {
    this.held.delete(id);
    await kv.delete(this.kvKey(id));
  }

  dropMemory() {
    this.held.clear();
  }

  private kvKey(id: string) {
    return `${this.options.name}:${id}`;
  }

  /** KV's entry, or undefined when there is none, it cannot be read, or it has another shape. */
  private async read(kv: KVNamespace, id: string): Promise<Checked<T> | undefined> {
    try {
      const entry = await kv.get<Partial<Checked<T>>>(this.kvKey(id), "json");
      if (!entry || typeof entry.checked_at !== "number" || !("value" in entry)) return undefined;
      return entry as Checked<T>;
    } catch {
      return undefined;
    }
  }

  /**
   * The control database failed: the newest answer within the stale window, whether this
   * isolate's or KV's (which a newer placement, such as a move's, reaches first), or 503.
   */
  private fallBack(id: string, now: number, found: (Checked<T> | undefined)[], err: unknown): T {
    let best: Checked<T> | undefined;
    for (const entry of found) {
      if (!entry || now - entry.checked_at >= STALE_MS) continue;
      if (!best || entry.checked_at > best.checked_at) best = entry;
    }
    const { name, subject } = this.options;
    if (!best) {
      warn({
        event: "control_unavailable",
        cache: name,
        subject: subject(id),
        error: messageOf(err),
      });
      throw refused("control_unavailable", { retry_after: RETRY_AFTER_S });
    }
    this.hold(id, best, now + RETRY_MS);
    warn({
      event: "control_stale",
      cache: name,
      subject: subject(id, best.value),
      age_s: Math.round((now - best.checked_at) / 1000),
      error: messageOf(err),
    });
    return best.value;
  }

  private hold(id: string, entry: Checked<T>, askAfter: number) {
    this.held.delete(id);
    if (this.held.size >= this.options.maxEntries) {
      // Maps iterate in insertion order, so the first entry is the least recently refreshed.
      const oldest = this.held.keys().next().value;
      if (oldest !== undefined) this.held.delete(oldest);
    }
    this.held.set(id, { value: entry.value, checked_at: entry.checked_at, askAfter });
  }

  /**
   * Writes the answer to KV unless KV already holds a newer one, or the same one recently
   * enough: KV takes about one write a second per key, and the isolates reading one tenant
   * are many.
   */
  private async write(
    kv: KVNamespace,
    id: string,
    answer: Checked<T>,
    stored: Checked<T> | undefined,
    now: number,
  ) {
    if (stored && stored.checked_at >= answer.checked_at) return;
    if (
      stored &&
      sameValue(stored.value, answer.value) &&
      now - stored.checked_at < this.options.kvRewriteMs
    ) {
      return;
    }
    try {
      await kv.put(this.kvKey(id), JSON.stringify(answer), { expirationTtl: STALE_MS / 1000 });
    } catch {
      // Another isolate's write of the same answer won the second, or KV is failing: the entry
      // KV keeps is only older, and the next answer from the control database writes again.
    }
  }
}
