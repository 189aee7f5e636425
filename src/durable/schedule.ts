import { PLACEMENT_TTL_MS, TenantFrozen } from "../db/shards";

/**
 * Many due-times on a Durable Object's one alarm. Each kind of work keeps its own time in
 * storage and the alarm is set to the earliest, so an object can owe a retry, a notice and
 * a simulated step at once (the way cloudflare/agents multiplexes its schedule table).
 */
export class Schedule<Kind extends string> {
  constructor(private readonly storage: DurableObjectStorage) {}

  /**
   * Runs `kind` at `time`; a kind already due earlier keeps its earlier time. A time that
   * stays as it was leaves the alarm alone: it was armed when that time was stored, and a
   * hot object asks on every commit.
   */
  async at(kind: Kind, time: number, { replace = false } = {}) {
    const current = this.storage.kv.get<number>(key(kind));
    const keep = current !== undefined && (replace ? current === time : current <= time);
    if (keep) return;
    this.storage.kv.put(key(kind), time);
    await this.arm();
  }

  async clear(kind: Kind) {
    this.storage.kv.delete(key(kind));
    await this.arm();
  }

  /**
   * The kinds due now, earliest first; the alarm was set for the earliest, so it is due
   * even if the alarm fired a little early. They stay scheduled until cleared or moved.
   */
  due(now = Date.now()): Kind[] {
    const entries = this.entries().sort(([, a], [, b]) => a - b);
    const cutoff = Math.max(now, entries[0]?.[1] ?? now);
    return entries.filter(([, time]) => time <= cutoff).map(([kind]) => kind);
  }

  /**
   * Runs the alarm's work. While the object's tenant is frozen for a move between shards,
   * nothing may write its rows however long the move takes, and an alarm that throws is
   * retried only a few times before it stops: so the alarm comes back once placements are
   * re-read, every due-time kept, until the tenant is thawed.
   */
  async unlessFrozen(work: () => Promise<void>) {
    try {
      await work();
    } catch (err) {
      if (!(err instanceof TenantFrozen)) throw err;
      await this.storage.setAlarm(Date.now() + PLACEMENT_TTL_MS);
    }
  }

  /** Points the alarm at the earliest due-time left, or removes it. */
  async arm() {
    const times = this.entries().map(([, time]) => time);
    if (times.length === 0) await this.storage.deleteAlarm();
    else await this.storage.setAlarm(Math.min(...times));
  }

  private entries(): [Kind, number][] {
    return [...this.storage.kv.list<number>({ prefix: PREFIX })].map(([k, time]) => [
      k.slice(PREFIX.length) as Kind,
      time,
    ]);
  }
}

const PREFIX = "due:";
const key = (kind: string) => `${PREFIX}${kind}`;
