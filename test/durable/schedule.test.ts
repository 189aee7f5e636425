import { describe, expect, it } from "vitest";
import { Schedule } from "../../src/durable/schedule";
import { onFreshStorage } from "../support/fresh-storage";

/*
 * Schedule against a real Durable Object's storage and alarm. Times are explicit, and far
 * in the future, so no alarm set here comes due and nothing depends on the clock. Kinds are
 * named so that their alphabetical order (the order storage lists them in) differs from the
 * order of their times.
 */

const T = Date.UTC(2100, 0, 1);

type Kind = "a" | "b" | "c" | "d";

describe("Schedule", () => {
  it("keeps a kind's earlier time when asked for a later one", () =>
    onFreshStorage(async (storage) => {
      const schedule = new Schedule<Kind>(storage);
      await schedule.at("a", T + 10);
      await schedule.at("b", T + 15);
      await schedule.at("a", T + 20);

      expect(await storage.getAlarm()).toBe(T + 10);
      expect(schedule.due(T + 15)).toEqual(["a", "b"]);
    }));

  it("moves a kind to a later time when told to replace it", () =>
    onFreshStorage(async (storage) => {
      const schedule = new Schedule<Kind>(storage);
      await schedule.at("a", T + 10);
      await schedule.at("b", T + 15);
      await schedule.at("a", T + 20, { replace: true });

      expect(await storage.getAlarm()).toBe(T + 15);
      expect(schedule.due(T + 15)).toEqual(["b"]);
      expect(schedule.due(T + 20)).toEqual(["b", "a"]);
    }));

  it("moves a kind to an earlier time without being told to", () =>
    onFreshStorage(async (storage) => {
      const schedule = new Schedule<Kind>(storage);
      await schedule.at("a", T + 20);
      await schedule.at("a", T + 10);

      expect(await storage.getAlarm()).toBe(T + 10);
    }));

  it("sets the one alarm to the earliest time of any kind", () =>
    onFreshStorage(async (storage) => {
      const schedule = new Schedule<Kind>(storage);
      await schedule.at("a", T + 30);
      await schedule.at("b", T + 10);
      await schedule.at("c", T + 20);

      expect(await storage.getAlarm()).toBe(T + 10);
    }));

  it("re-arms at the earliest time left as kinds clear, and removes the alarm with the last", () =>
    onFreshStorage(async (storage) => {
      const schedule = new Schedule<Kind>(storage);
      await schedule.at("a", T + 30);
      await schedule.at("b", T + 10);
      await schedule.at("c", T + 20);

      await schedule.clear("b");
      expect(await storage.getAlarm()).toBe(T + 20);
      await schedule.clear("d");
      expect(await storage.getAlarm()).toBe(T + 20);
      await schedule.clear("a");
      expect(await storage.getAlarm()).toBe(T + 20);
      await schedule.clear("c");
      expect(await storage.getAlarm()).toBeNull();
      expect(schedule.due(T + 30)).toEqual([]);
    }));

  it("lists the kinds due at a moment earliest first, leaving out those not yet due", () =>
    onFreshStorage(async (storage) => {
      const schedule = new Schedule<Kind>(storage);
      await schedule.at("a", T + 30);
      await schedule.at("b", T + 10);
      await schedule.at("c", T + 20);
      await schedule.at("d", T + 40);

      expect(schedule.due(T + 10)).toEqual(["b"]);
      expect(schedule.due(T + 25)).toEqual(["b", "c"]);
      expect(schedule.due(T + 30)).toEqual(["b", "c", "a"]);
      expect(schedule.due(T + 40)).toEqual(["b", "c", "a", "d"]);
    }));

  it("counts the earliest kind as due when the alarm fires before its time, but no later one", () =>
    onFreshStorage(async (storage) => {
      const schedule = new Schedule<Kind>(storage);
      await schedule.at("a", T + 30);
      await schedule.at("b", T + 10);
      await schedule.at("c", T + 10);
      await schedule.at("d", T + 11);

      expect(schedule.due(T + 9)).toEqual(["b", "c"]);
      expect(schedule.due(T - 60_000)).toEqual(["b", "c"]);
    }));

  it("keeps due kinds scheduled until they are cleared", () =>
    onFreshStorage(async (storage) => {
      const schedule = new Schedule<Kind>(storage);
      await schedule.at("a", T + 10);

      expect(schedule.due(T + 10)).toEqual(["a"]);
      expect(schedule.due(T + 10)).toEqual(["a"]);
      expect(await storage.getAlarm()).toBe(T + 10);
    }));

  it("has nothing due when nothing is scheduled", () =>
    onFreshStorage(async (storage) => {
      expect(new Schedule<Kind>(storage).due()).toEqual([]);
    }));

  it("sees only its own due-times among the object's other stored values", () =>
    onFreshStorage(async (storage) => {
      storage.kv.put("intent", { nextAt: T });
      storage.kv.put("due", T);
      storage.kv.put("dueling", T);
      const schedule = new Schedule<Kind>(storage);
      await schedule.at("a", T + 10);

      expect(schedule.due(T + 10)).toEqual(["a"]);
      expect(await storage.getAlarm()).toBe(T + 10);
    }));

  it("arms the alarm at the earliest due-time when something else has moved it", () =>
    onFreshStorage(async (storage) => {
      const schedule = new Schedule<Kind>(storage);
      await schedule.at("a", T + 10);
      await storage.setAlarm(T + 99);

      await schedule.arm();
      expect(await storage.getAlarm()).toBe(T + 10);
    }));

  it("removes an alarm when arming with nothing scheduled", () =>
    onFreshStorage(async (storage) => {
      await storage.setAlarm(T + 99);

      await new Schedule<Kind>(storage).arm();
      expect(await storage.getAlarm()).toBeNull();
    }));
});
