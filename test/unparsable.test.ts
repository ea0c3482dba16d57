import { describe, expect, it } from "vitest";
import { unparsableResult } from "../src/engine.js";
import { lintTcJsonText } from "../src/tcjson/lint.js";

describe("files the parser cannot read", () => {
  it("reports JSON nested past the call stack as a fatal result naming the file", () => {
    const text = "[".repeat(100000) + "]".repeat(100000);
    const result = lintTcJsonText(text, "deep.tc.json");
    expect(result.fatal).toBe("cannot be linted: it is nested too deeply to parse (maximum call stack size exceeded)");
    expect(result.filePath).toBe("deep.tc.json");
    expect(result.diagnostics).toEqual([]);
  });

  it("words other parser failures with their message", () => {
    expect(unparsableResult("a.md", new Error("boom")).fatal).toBe("cannot be linted: parsing failed: boom");
  });
});
