import { describe, expect, it } from "vitest";
import { BACKOFF_MS, IntentJournal } from "../../src/durable/intent-journal";
import { Schedule } from "../../src/durable/schedule";
import { onFreshStorage } from "../support/fresh-storage";

/*
 * IntentJournal against a real Durable Object's storage and alarm. The journal times its
 * retries from Date.now(), so a time it sets is checked against the clock read just before
 * and just after the call: that holds however slowly the test runs.
 */

type Command = { kind: "cancel"; orderId: string };

const command: Command = { kind: "cancel", orderId: "ord_1" };
const decidedAt = "2026-01-01T00:00:00.000Z";
/** The journal's own (unexported) wait before recovery: for a draft, and once BACKOFF_MS runs out. */
const RECOVERY_DELAY_MS = 10_000;
/** A due-time of another kind sharing the alarm; far off, so it never fires. */
const SIMULATE_AT = Date.UTC(2100, 0, 1);

function journalOn(storage: DurableObjectStorage) {
  const schedule = new Schedule<"recover" | "simulate">(storage);
  return { schedule, journal: new IntentJournal<Command>(storage, schedule, "ten_journal") };
}

/** The recover due-time, read where Schedule keeps it, and the alarm. */
async function recovery(storage: DurableObjectStorage) {
  return { recoverAt: storage.kv.get<number>("due:recover"), alarm: await storage.getAlarm() };
}

/** Runs `act` and returns what it returned with the clock read either side of it. */
async function timed<T>(act: () => T | Promise<T>) {
  const before = Date.now();
  const result = await act();
  return { result, before, after: Date.now() };
}

describe("IntentJournal", () => {
  it("drafts an intent with a fresh id and no attempts, due for recovery ten seconds on, storing nothing", () =>
    onFreshStorage(async (storage) => {
      const { journal } = journalOn(storage);
      const {
        result: intent,
        before,
        after,
      } = await timed(() => journal.draft(command, decidedAt));

      expect(intent).toEqual({
        id: expect.stringMatching(/^op_[0-9A-Za-z]{22}$/),
        command,
        now: decidedAt,
        attempts: 0,
        nextAt: expect.any(Number),
      });
      expect(intent.nextAt).toBeGreaterThanOrEqual(before + RECOVERY_DELAY_MS);
      expect(intent.nextAt).toBeLessThanOrEqual(after + RECOVERY_DELAY_MS);
      expect(journal.draft(command, decidedAt).id).not.toBe(intent.id);
      expect(journal.pending()).toBeUndefined();
      expect(await recovery(storage)).toEqual({ recoverAt: undefined, alarm: null });
    }));

  it("opens an intent as the pending one and sets recover to its time, even later than the one due", () =>
    onFreshStorage(async (storage) => {
      const { schedule, journal } = journalOn(storage);
      const intent = journal.draft(command, decidedAt);
      await schedule.at("recover", intent.nextAt - 5_000);
      await journal.open(intent);

      expect(journal.pending()).toEqual(intent);
      expect(await recovery(storage)).toEqual({ recoverAt: intent.nextAt, alarm: intent.nextAt });
    }));

  it("closes the pending intent and its recover time, removing the alarm when nothing else is due", () =>
    onFreshStorage(async (storage) => {
      const { journal } = journalOn(storage);
      await journal.open(journal.draft(command, decidedAt));
      await journal.close();

      expect(journal.pending()).toBeUndefined();
      expect(await recovery(storage)).toEqual({ recoverAt: undefined, alarm: null });
    }));

  it("leaves another kind's due-time on the alarm when it closes", () =>
    onFreshStorage(async (storage) => {
      const { schedule, journal } = journalOn(storage);
      await schedule.at("simulate", SIMULATE_AT);
      await journal.open(journal.draft(command, decidedAt));
      await journal.close();

      expect(await recovery(storage)).toEqual({ recoverAt: undefined, alarm: SIMULATE_AT });
      expect(schedule.due(SIMULATE_AT)).toEqual(["simulate"]);
    }));

  it("counts each failure and retries after each step of BACKOFF_MS, then after the recovery delay", () =>
    onFreshStorage(async (storage) => {
      const { journal } = journalOn(storage);
      let intent = journal.draft(command, decidedAt);
      await journal.open(intent);
      for (const [i, wait] of [...BACKOFF_MS, RECOVERY_DELAY_MS].entries()) {
        const { result, before, after } = await timed(() =>
          journal.failed(intent, new Error(`try ${i + 1}`)),
        );

        expect(result).toEqual({
          ...intent,
          attempts: i + 1,
          nextAt: expect.any(Number),
          lastError: `Error: try ${i + 1}`,
        });
        expect(result.nextAt).toBeGreaterThanOrEqual(before + wait);
        expect(result.nextAt).toBeLessThanOrEqual(after + wait);
        expect(journal.pending()).toEqual(result);
        expect(await recovery(storage)).toEqual({ recoverAt: result.nextAt, alarm: result.nextAt });
        intent = result;
      }
    }));

  it("gives an intent its last chance only once every backoff step has been used", () =>
    onFreshStorage(async (storage) => {
      const { journal } = journalOn(storage);
      let intent = journal.draft(command, decidedAt);
      await journal.open(intent);
      const chances: boolean[] = [journal.lastChance(intent)];
      for (const _ of BACKOFF_MS) {
        intent = await journal.failed(intent, "timeout");
        chances.push(journal.lastChance(intent));
      }

      expect(chances).toEqual([...BACKOFF_MS.map(() => false), true]);
    }));

  it("parks an intent with its last failure counted and closes it, so new commands can run", () =>
    onFreshStorage(async (storage) => {
      const { schedule, journal } = journalOn(storage);
      await schedule.at("simulate", SIMULATE_AT);
      const intent = await journal.failed(journal.draft(command, decidedAt), "first");
      const parked = await journal.park(intent, "timeout");

      expect(parked).toEqual({ ...intent, attempts: 2, lastError: "timeout" });
      expect(journal.parked(intent.id)).toEqual(parked);
      expect(journal.pending()).toBeUndefined();
      expect(await recovery(storage)).toEqual({ recoverAt: undefined, alarm: SIMULATE_AT });
    }));

  it("unparks one intent by id, leaving the others parked", () =>
    onFreshStorage(async (storage) => {
      const { journal } = journalOn(storage);
      const park = async () => {
        const intent = journal.draft(command, decidedAt);
        await journal.open(intent);
        return journal.park(intent, "timeout");
      };
      const first = await park();
      const second = await park();
      journal.unpark(first.id);

      expect(journal.parked(first.id)).toBeUndefined();
      expect(journal.parked(second.id)).toEqual(second);
      expect(journal.parked("op_unknown")).toBeUndefined();
    }));
});
