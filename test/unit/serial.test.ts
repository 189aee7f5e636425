import { describe, expect, it } from "vitest";
import { Serial } from "../../src/lib/serial";

/*
 * Each operation below waits on a gate the test opens by hand, so the order of events is
 * decided by the test rather than by how fast anything runs. The gates open in reverse
 * arrival order: operations that overlapped would then finish last-first.
 */

/**
 * An operation that logs its start and end and finishes once its gate opens: with its name,
 * or by throwing the error the gate was opened with.
 */
function gated(name: string, log: string[]) {
  let open: (err?: Error) => void = () => {};
  const gate = new Promise<Error | undefined>((resolve) => {
    open = resolve;
  });
  return {
    open,
    operation: async () => {
      log.push(`${name} starts`);
      const err = await gate;
      log.push(`${name} ends`);
      if (err) throw err;
      return name;
    },
  };
}

describe("Serial", () => {
  it("starts each operation only after the one before it has finished, in arrival order", async () => {
    const serial = new Serial();
    const log: string[] = [];
    const ops = ["a", "b", "c"].map((name) => gated(name, log));
    const results = ops.map((op) => serial.run(op.operation));
    for (const op of [...ops].reverse()) op.open();

    expect(await Promise.all(results)).toEqual(["a", "b", "c"]);
    expect(log).toEqual(["a starts", "a ends", "b starts", "b ends", "c starts", "c ends"]);
  });

  it("gives a rejection to its own caller and still runs the operations queued behind it", async () => {
    const serial = new Serial();
    const log: string[] = [];
    const a = gated("a", log);
    const b = gated("b", log);
    const c = gated("c", log);
    const first = serial.run(a.operation);
    const failing = serial.run(b.operation);
    const last = serial.run(c.operation);
    const broken = new Error("b broke");
    c.open();
    b.open(broken);
    a.open();

    await expect(failing).rejects.toBe(broken);
    expect(await first).toBe("a");
    expect(await last).toBe("c");
    expect(log).toEqual(["a starts", "a ends", "b starts", "b ends", "c starts", "c ends"]);
  });

  it("runs an operation that arrives after an earlier one has already rejected", async () => {
    const serial = new Serial();
    const broken = new Error("broke");
    await expect(serial.run(() => Promise.reject(broken))).rejects.toBe(broken);

    expect(await serial.run(async () => "after")).toBe("after");
  });
});
