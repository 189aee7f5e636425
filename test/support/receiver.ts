import { inject } from "vitest";
import { z } from "zod";
import { Event } from "../../src/events/events.routes";

/** The loopback receiver of receiver.global.mjs: its path chooses how it answers. */
export const receiver = inject("receiverUrl");

export interface Received {
  headers: Record<string, string>;
  body: string;
}

/** Every request the receiver got for `name`, oldest first. */
export const received = async (name: string): Promise<Received[]> =>
  (await fetch(`${receiver}/_log/${name}`)).json();

/**
 * Waits (bounded) until `check` passes; deliveries go through the real local queue. The bound
 * is a hang's backstop, generous for a loaded machine: a passing test never waits it out.
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  check: (value: T) => boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  for (let i = 0; i < timeoutMs / 100; i++) {
    const value = await probe();
    if (check(value)) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A delivery's body: the app's one event shape, and nothing else. */
const Payload = z.strictObject(Event.shape);

export const payloadOf = (msg: Received | undefined) => Payload.parse(JSON.parse(msg?.body ?? ""));
