import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cursorPosition } from "../../src/db/feed";
import { Refused } from "../../src/domain/refusals";
import { cursorToken, decodeCursor, encodeCursor } from "../../src/lib/cursor";

const SeqCursor = z.object({ seq: z.number().int() });
const IdCursor = z.object({ id: z.string(), seq: z.number().int() });

/** Base64url of some ASCII text, as a client might forge a cursor. */
const forged = (text: string) =>
  btoa(text).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");

/** Strings this API never issued as a cursor for a list of SeqCursor positions. */
const notIssued = {
  "an empty string": "",
  "text that is not base64": "not a cursor!",
  "base64 that is not JSON": forged("seq=5"),
  "JSON null": forged("null"),
  "a JSON array": forged("[5]"),
  "a position of the wrong type": forged('{"seq":"5"}'),
  "a position that is not an integer": forged('{"seq":5.5}'),
  "another list's cursor": encodeCursor({ id: "ord_1" }),
  "a cut-off cursor": encodeCursor({ seq: 5 }).slice(0, -2),
};

describe("encodeCursor and decodeCursor", () => {
  it("read back any position they wrote, in characters safe in a URL", () => {
    // Any ASCII (quotes, backslashes and control characters need escaping in JSON) and
    // any Unicode grapheme (several bytes each in UTF-8).
    const text = fc.oneof(fc.string({ unit: "binary-ascii" }), fc.string({ unit: "grapheme" }));
    fc.assert(
      fc.property(text, fc.integer(), (id, seq) => {
        const cursor = encodeCursor({ id, seq });
        expect(cursor).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(decodeCursor(cursor, IdCursor)).toEqual({ id, seq });
      }),
    );
  });

  it("carry a consistency token beside the position, which decoding leaves out", () => {
    const cursor = encodeCursor({ seq: 5 }, "bookmark-1");

    expect(decodeCursor(cursor, SeqCursor)).toEqual({ seq: 5 });
    expect(cursorToken(cursor)).toBe("bookmark-1");
  });

  it("write no token when given none", () => {
    expect(encodeCursor({ seq: 5 }, null)).toBe(encodeCursor({ seq: 5 }));
    expect(cursorToken(encodeCursor({ seq: 5 }))).toBeUndefined();
  });

  it.each(Object.entries(notIssued))("decode nothing from %s", (_, cursor) => {
    expect(decodeCursor(cursor, SeqCursor)).toBeUndefined();
  });
});

describe("cursorToken", () => {
  it("is undefined when there is no cursor", () => {
    expect(cursorToken(undefined)).toBeUndefined();
    expect(cursorToken("")).toBeUndefined();
  });

  it("is undefined for a cursor that does not decode, or decodes to no object", () => {
    expect(cursorToken("not a cursor!")).toBeUndefined();
    expect(cursorToken(forged("seq=5"))).toBeUndefined();
    expect(cursorToken(forged('"b"'))).toBeUndefined();
    expect(cursorToken(forged("null"))).toBeUndefined();
  });

  it("is null when what a cursor carries under b cannot be a token", () => {
    expect(cursorToken(forged('{"seq":5,"b":7}'))).toBeNull();
    expect(cursorToken(forged('{"seq":5,"b":null}'))).toBeNull();
    expect(cursorToken(forged('{"seq":5,"b":{"t":"x"}}'))).toBeNull();
  });
});

describe("cursorPosition", () => {
  it("is the position an issued cursor names", () => {
    expect(cursorPosition(encodeCursor({ seq: 5 }, "bookmark-1"), SeqCursor)).toEqual({ seq: 5 });
  });

  it.each(Object.entries(notIssued))("refuses %s as an invalid cursor", (_, cursor) => {
    const read = () => cursorPosition(cursor, SeqCursor);

    expect(read).toThrow(Refused);
    expect(read).toThrow(
      expect.objectContaining({ refusal: { code: "invalid_cursor", field: "cursor" } }),
    );
  });
});
