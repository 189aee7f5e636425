import type { Schedule } from "../durable/schedule";

import { holderOf, type Notice, tellOrder } from "./inventory.notices";

const RETRY_MS = [5_000, 30_000, 120_000, 600_000];
const PREFIX = "notice:";

/**
 * The order lines (by holder, see inventory.notices.ts) a stock object owes a notice, kept in its storage until each is told: marked
 * before the commit that refills them, cleared once an order took a notice at least that
 * new, and retried by the "notices" due-time with backoff.
 */
export class NoticeJournal {
  constructor(
    private readonly storage: DurableObjectStorage,
    private readonly schedule: Pick<Schedule<"notices">, "at" | "clear">,
    private readonly env: Env,
    private readonly tenantId: string,
  ) {}

  /** Before a commit: if it fails the alarm finds nothing new; if the object stops, it still tells. */
  async owe(holders: Set<string>, seq: number) {
    if (holders.size === 0) return;
    for (const holder of holders) this.storage.kv.put(`${PREFIX}${holder}`, seq);
    await this.schedule.at("notices", Date.now() + (RETRY_MS[0] ?? 5_000));
  }

  owed(): string[] {
    return [...this.storage.kv.list<number>({ prefix: PREFIX })].map(([k]) =>
      k.slice(PREFIX.length),
    );
  }

  /** Tells each order its line's state; returns how many could not be told. */
  async deliver(notices: Notice[]): Promise<number> {
    const results = await Promise.allSettled(
      notices.map(async (n) => {
        if (!(await tellOrder(this.env, this.tenantId, n))) throw new Error("order busy");
        const key = `${PREFIX}${holderOf(n)}`;
        const owed = this.storage.kv.get<number>(key);
        if (owed !== undefined && owed <= n.seq) this.storage.kv.delete(key);
      }),
    );
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    for (const r of failed) {
      console.error(
        JSON.stringify({
          level: "warn",
          msg: "order notice failed; the alarm retries",
          err: String(r.reason),
        }),
      );
    }
    return failed.length;
  }

  /** After the alarm's delivery round: back off while any order could not be told. */
  async settle(failed: number) {
    const attempt = failed > 0 ? (this.storage.kv.get<number>("notice-attempt") ?? 0) + 1 : 0;
    this.storage.kv.put("notice-attempt", attempt);
    if (failed === 0) return this.schedule.clear("notices");
    const delay = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)] ?? 600_000;
    await this.schedule.at("notices", Date.now() + delay, { replace: true });
  }
}
