import { describe, expect, it } from "vitest";
import rule from "../../rules/text-encoding.js";
import { runRules } from "../../src/engine.js";
import { decodeText } from "../../src/files.js";
import { lintSource } from "../../src/lint-files.js";
import { lintText } from "../../src/lint.js";
import { parseThreatModel } from "../../src/parse/model.js";
import type { Preset } from "../../src/types.js";
import { toFinding, type Finding } from "../helpers.js";

/** A preset with no rules, so that only the rules given next to it run. */
const EMPTY: Preset = { name: "empty", description: "No rules.", rules: {} };

/** Concatenates text (as UTF-8) and raw byte arrays into one file's bytes. */
function bytes(...parts: (string | number[])[]): Uint8Array {
  return Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "utf8") : Buffer.from(part))));
}

/** Reads bytes as tmlint reads a file, then lints them under `path` with text-encoding alone. */
function lintBytes(path: string, data: Uint8Array, extra: Record<string, "off" | "warn" | "error"> = {}): Finding[] {
  const decoded = decodeText(data);
  if (!decoded.ok) throw new Error(`decodeText rejected the test input: ${decoded.message}`);
  const result = lintSource(path, decoded.text, decoded.invalidUtf8, { preset: EMPTY, rules: { "text-encoding": "warn", ...extra } });
  return result.diagnostics.map(toFinding);
}

/** Builds the message for an invalid sequence at a byte offset. */
function message(byteOffset: number): string {
  return `File is not valid UTF-8: byte offset ${byteOffset} starts an invalid sequence; it was read with replacement characters (U+FFFD). Save the file as UTF-8.`;
}

/** Builds the one finding expected at a line and column, one UTF-16 code unit wide. */
function at(line: number, column: number, byteOffset: number): Finding[] {
  return [{ messageId: "invalidUtf8", message: message(byteOffset), line, column, endLine: line, endColumn: column + 1 }];
}

describe("text-encoding", () => {
  const valid: [string, string, Uint8Array][] = [
    ["valid UTF-8 Markdown", "tm.md", bytes("# Café\n\n| ID | Asset |\n")],
    ["a BOM and CRLF lines", "tm.md", bytes([0xef, 0xbb, 0xbf], "# T\r\n\r\nab\r\n")],
    ["an astral character", "tm.md", bytes("# \u{1f600} x\n")],
    // U+FFFD written as its three UTF-8 bytes is a character the author chose.
    ["a replacement character that is valid UTF-8", "tm.md", bytes("# Caf\ufffd\n")],
    ["an empty file", "tm.md", bytes()],
    ["valid ThreatComposer JSON", "model.tc.json", bytes('{\n  "schema": 1,\n  "threats": []\n}\n')],
  ];
  it.each(valid)("accepts %s", (_name, path, data) => {
    expect(lintBytes(path, data)).toEqual([]);
  });

  const invalid: [string, string, Uint8Array, Finding[]][] = [
    // Latin-1 `é` (0xE9) is a lead byte with no continuation bytes after it.
    ["a Latin-1 byte in a heading", "tm.md", bytes("# Caf", [0xe9], "\n"), at(1, 6, 5)],
    ["an invalid byte first in the file", "tm.md", bytes([0xff], "# T\n"), at(1, 1, 0)],
    // The BOM is 3 bytes but no character of the text, and CRLF counts as one line ending.
    ["line 3 after a BOM and CRLF lines", "tm.md", bytes([0xef, 0xbb, 0xbf], "# T\r\n\r\nab", [0xff], "\r\n"), at(3, 3, 12)],
    // U+1F600 is 4 bytes and 2 UTF-16 code units, so the bad byte 6 is column 5.
    ["an astral character before the bad byte", "tm.md", bytes("\u{1f600} x", [0x80], "\n"), at(1, 5, 6)],
    // Only the first invalid sequence is reported; the later one is read as U+FFFD as well.
    ["two invalid sequences", "tm.md", bytes("a\nb", [0xc0, 0xaf], "\nc", [0xfe], "\n"), at(2, 2, 3)],
    // An encoded surrogate (0xED 0xA0 0x80) is not valid UTF-8.
    ["an encoded surrogate", "tm.md", bytes("ab", [0xed, 0xa0, 0x80]), at(1, 3, 2)],
    ["a sequence cut off at the end of the file", "tm.md", bytes("# T\nab", [0xe2, 0x82]), at(2, 3, 6)],
    ["a Latin-1 byte in a ThreatComposer string", "model.tc.json", bytes('{\n  "schema": 1,\n  "note": "Caf', [0xe9], '"\n}\n'), at(3, 15, 31)],
    ["a .tc.json file after a BOM", "model.tc.json", bytes([0xef, 0xbb, 0xbf], '{\r\n  "a": "', [0xff], '"\r\n}\r\n'), at(2, 9, 14)],
  ];
  it.each(invalid)("reports %s", (_name, path, data, expected) => {
    expect(lintBytes(path, data)).toEqual(expected);
  });

  it("reports nothing when text comes without invalidUtf8", () => {
    const model = parseThreatModel("# Caf\ufffd\n", { filePath: "tm.md" });
    expect(runRules(model, [{ rule, severity: "warning", options: {} }])).toEqual([]);
  });

  it("reports where lintText is told", () => {
    const result = lintText("# Caf\ufffd\n", { preset: EMPTY, rules: { "text-encoding": "error" }, invalidUtf8: { byteOffset: 5, offset: 5 } });
    expect(result.diagnostics.map(toFinding)).toEqual(at(1, 6, 5));
    expect(result.diagnostics[0]?.severity).toBe("error");
    expect(result.errorCount).toBe(1);
  });

  it("is turned off by its setting for Markdown and JSON", () => {
    expect(lintBytes("tm.md", bytes("# Caf", [0xe9], "\n"), { "text-encoding": "off" })).toEqual([]);
    expect(lintBytes("model.tc.json", bytes('{"schema": 1, "n": "', [0xe9], '"}'), { "text-encoding": "off" })).toEqual([]);
  });

  it("is suppressed by tmlint-disable-file", () => {
    const data = bytes("<!-- tmlint-disable-file text-encoding -->\n\n# Caf", [0xe9], "\n");
    // invalid-directive and unused-directive findings would show here too.
    expect(lintBytes("tm.md", data)).toEqual([]);
  });

  it("is suppressed on the next line only", () => {
    const data = bytes("<!-- tmlint-disable-next-line text-encoding -->\n# Caf", [0xe9], "\n");
    expect(lintBytes("tm.md", data)).toEqual([]);
    const elsewhere = bytes("<!-- tmlint-disable-next-line text-encoding -->\n# Title\n\nCaf", [0xe9], "\n");
    expect(lintBytes("tm.md", elsewhere)).toEqual(at(4, 4, 60));
  });
});
