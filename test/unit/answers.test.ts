import { describe, expect, it } from "vitest";
import { answered, answering } from "../../src/durable/answers";

describe("an object's answers", () => {
  it("carries a result through unchanged", async () => {
    const answer = await answering(async () => ({ ok: true, n: 3 }));
    expect(answer).toEqual({ ok: true, n: 3 });
    expect(answered(answer)).toEqual({ ok: true, n: 3 });
  });

  it("answers a failure as a value, which the caller raises as the error it was", async () => {
    const answer = await answering(async () => {
      throw new Error("D1_ERROR: no such table");
    });
    expect(answer).toEqual({ failed: "D1_ERROR: no such table" });
    expect(() => answered(answer)).toThrow(new Error("D1_ERROR: no such table"));
    expect(await answering(() => Promise.reject("not an error"))).toEqual({
      failed: "not an error",
    });
  });
});
