import { newId } from "../lib/ids";
import type { Schedule } from "./schedule";

/** A change that moves stock in several objects, saved before its first step. */
export interface Intent<Command> {
  id: string;
  command: Command;
  /** The clock the first attempt decided with, so every retry decides the same. */
  now: string;
  attempts: number;
  nextAt: number;
  lastError?: string;
}

export const BACKOFF_MS = [1_000, 5_000, 30_000, 120_000];
export const MAX_ATTEMPTS = BACKOFF_MS.length + 1;
/** When a crash leaves an intent behind, the alarm looks again after this long. */
const RECOVERY_DELAY_MS = 10_000;

/**
 * One journaled change at a time, in the object's own storage: opened before its first
 * step, closed after its last, retried with backoff by the "recover" due-time, and parked
 * aside once it has failed MAX_ATTEMPTS times so the object can take new commands again.
 */
export class IntentJournal<Command> {
  constructor(
    private readonly storage: DurableObjectStorage,
    private readonly schedule: Schedule<"recover" | string>,
    /** Whose object this is: a parked intent's id routes to the tenant's shard. */
    private readonly tenantId: string,
  ) {}

  draft(command: Command, now: string): Intent<Command> {
    return {
      id: newId("op", this.tenantId),
      command,
      now,
      attempts: 0,
      nextAt: Date.now() + RECOVERY_DELAY_MS,
    };
  }

  pending(): Intent<Command> | undefined {
    return this.storage.kv.get<Intent<Command>>("intent");
  }

  async open(intent: Intent<Command>) {
    this.storage.kv.put("intent", intent);
    await this.schedule.at("recover", intent.nextAt, { replace: true });
  }

  async close() {
    this.storage.kv.delete("intent");
    await this.schedule.clear("recover");
  }

  async failed(intent: Intent<Command>, err: unknown): Promise<Intent<Command>> {
    const attempts = intent.attempts + 1;
    const next = {
      ...intent,
      attempts,
      nextAt: Date.now() + (BACKOFF_MS[attempts - 1] ?? RECOVERY_DELAY_MS),
      lastError: String(err),
    };
    this.storage.kv.put("intent", next);
    await this.schedule.at("recover", next.nextAt, { replace: true });
    return next;
  }

  /** Whether one more failure means giving up. */
  lastChance(intent: Intent<Command>): boolean {
    return intent.attempts + 1 >= MAX_ATTEMPTS;
  }

  async park(intent: Intent<Command>, err: unknown): Promise<Intent<Command>> {
    const parked = { ...intent, attempts: intent.attempts + 1, lastError: String(err) };
    this.storage.kv.put(`parked:${intent.id}`, parked);
    await this.close();
    return parked;
  }

  parked(id: string): Intent<Command> | undefined {
    return this.storage.kv.get<Intent<Command>>(`parked:${id}`);
  }

  unpark(id: string) {
    this.storage.kv.delete(`parked:${id}`);
  }
}
