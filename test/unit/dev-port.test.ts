import { describe, expect, it } from "vitest";
import { choosePort, DEFAULT_PORT, otherPortHint } from "../../scripts/dev-port.mjs";

/** `npm run dev` (scripts/dev.mjs) picks its port from `argv` after the script, then `env`. */
describe("choosePort", () => {
  it("serves on 8787 when neither --port nor PORT is given, or PORT is empty", () => {
    expect(DEFAULT_PORT).toBe(8787);
    expect(choosePort([], {})).toBe(8787);
    expect(choosePort([], { PORT: "" })).toBe(8787);
  });

  it("takes PORT from the environment", () => {
    expect(choosePort([], { PORT: "8790" })).toBe(8790);
  });

  it("takes --port N and --port=N, the last one given winning", () => {
    expect(choosePort(["--port", "8791"], {})).toBe(8791);
    expect(choosePort(["--port=8792"], {})).toBe(8792);
    expect(choosePort(["--port", "8791", "--port=8793"], {})).toBe(8793);
  });

  it("lets --port win over PORT, even when PORT is not a port", () => {
    expect(choosePort(["--port", "8791"], { PORT: "8790" })).toBe(8791);
    expect(choosePort(["--port", "8791"], { PORT: "http" })).toBe(8791);
  });

  it("leaves other arguments alone", () => {
    expect(choosePort(["--verbose", "--port", "8794", "extra"], {})).toBe(8794);
  });

  it("accepts both ends of the range", () => {
    expect(choosePort(["--port", "1"], {})).toBe(1);
    expect(choosePort([], { PORT: "65535" })).toBe(65535);
  });

  it.each([
    ["0"],
    ["65536"],
    ["99999"],
    ["-1"],
    ["abc"],
    ["8790x"],
    ["87.5"],
    ["1e3"],
    [" 8790"],
    [""],
  ])("refuses --port %j, naming the flag and the value", (value) => {
    expect(() => choosePort(["--port", value], {})).toThrow(
      `--port ${JSON.stringify(value)} is not a port: give a whole number from 1 to 65535`,
    );
    expect(() => choosePort([`--port=${value}`], {})).toThrow(`--port ${JSON.stringify(value)}`);
  });

  it.each([["0"], ["65536"], ["abc"], ["0x1F90"]])(
    "refuses PORT=%j, naming the variable",
    (value) => {
      expect(() => choosePort([], { PORT: value })).toThrow(
        `PORT ${JSON.stringify(value)} is not a port: give a whole number from 1 to 65535`,
      );
    },
  );

  it("refuses --port with nothing after it", () => {
    expect(() => choosePort(["--port"], { PORT: "8790" })).toThrow("--port needs a value");
  });
});

describe("otherPortHint", () => {
  it("suggests the next port, both ways of choosing it", () => {
    expect(otherPortHint(8787)).toBe(
      "choose another port: npm run dev -- --port 8788 (or PORT=8788 npm run dev)",
    );
  });

  it("never suggests a port beyond 65535", () => {
    expect(otherPortHint(65535)).toContain("--port 8788");
  });
});
