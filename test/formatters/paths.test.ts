import { describe, expect, test } from "vitest";
import { absolutePath, displayPath, encodePathSegments, fileUri, relativePath, sourceRoot } from "../../src/formatters/paths.js";
import { escapeControlCharacters, escapeControlCharactersExceptLineBreaks, toSafeJson } from "../../src/formatters/escape.js";
import { regionOf } from "../../src/formatters/problems.js";
import { fixtureContext, range } from "./fixture.js";

describe("formatter paths", () => {
  test.each([
    ["docs/tm.md", "/ws", "/ws/docs/tm.md"],
    ["./docs//tm.md", "/ws", "/ws/docs/tm.md"],
    ["/ws/docs/../tm.md", "/elsewhere", "/ws/tm.md"],
    ["docs\\tm.md", "C:\\ws", "C:\\ws\\docs\\tm.md"],
    ["C:/ws/docs/tm.md", "/posix", "C:\\ws\\docs\\tm.md"],
    ["<stdin>", "/ws", "<stdin>"],
  ])("absolutePath(%s, %s)", (filePath, cwd, expected) => {
    expect(absolutePath(filePath, cwd)).toBe(expected);
  });

  test.each([
    ["/ws/docs/tm.md", "/ws", "docs/tm.md"],
    ["./docs/tm.md", "/ws", "docs/tm.md"],
    ["/ws2/tm.md", "/ws", undefined],
    ["/ws", "/ws", undefined],
    ["C:\\ws\\docs\\threat models\\pay#1.md", "C:\\ws", "docs/threat models/pay#1.md"],
    ["c:\\WS\\docs\\tm.md", "C:\\ws", "docs/tm.md"],
    ["D:\\ws\\tm.md", "C:\\ws", undefined],
    ["C:\\ws\\tm.md", "/ws", undefined],
    ["<stdin>", "/ws", undefined],
  ])("relativePath(%s, %s)", (filePath, root, expected) => {
    expect(relativePath(filePath, root)).toBe(expected);
  });

  test("displayPath falls back to absolute", () => {
    expect(displayPath("/other/tm.md", "/ws")).toBe("/other/tm.md");
    expect(displayPath("/ws/a b/tm.md", "/ws")).toBe("a b/tm.md");
  });

  test.each([
    ["/work/repo/", "file:///work/repo/"],
    ["/a b/#1/100%.md", "file:///a%20b/%231/100%25.md"],
    ["C:\\work\\repo\\docs\\threat models\\pay#1.md", "file:///C:/work/repo/docs/threat%20models/pay%231.md"],
    ["c:\\x", "file:///C:/x"],
    ["\\\\server\\share\\tm.md", "file://server/share/tm.md"],
  ])("fileUri(%s)", (path, expected) => {
    expect(fileUri(path)).toBe(expected);
  });

  test("encodePathSegments", () => {
    expect(encodePathSegments("docs/threat models/pay#1.md")).toBe("docs/threat%20models/pay%231.md");
    expect(encodePathSegments("a:b/ü.md")).toBe("a%3Ab/%C3%BC.md");
    expect(encodePathSegments("lone\ud800.md")).toBe("lone%EF%BF%BD.md");
  });

  test("sourceRoot prefers CI variables", () => {
    expect(sourceRoot(fixtureContext({ cwd: "/ws/sub" }))).toBe("/ws/sub");
    expect(sourceRoot(fixtureContext({ cwd: "/ws/sub", env: { GITHUB_WORKSPACE: "/ws" } }))).toBe("/ws");
    expect(sourceRoot(fixtureContext({ cwd: "/ws/sub", env: { CI_PROJECT_DIR: "/builds/p" } }))).toBe("/builds/p");
    expect(sourceRoot(fixtureContext({ cwd: "/ws/sub", env: { GITHUB_WORKSPACE: "" } }))).toBe("/ws/sub");
  });
});

describe("formatter escaping", () => {
  test("control characters become visible", () => {
    expect(escapeControlCharacters("a\nb\r\tc\u001b[0m\u0000\u007f\u009b\u2028\u202e")).toBe("a\\nb\\r\\tc\\x1b[0m\\x00\\x7f\\x9b\\u2028\\u202e");
    expect(escapeControlCharactersExceptLineBreaks("a\r\nb\u0007")).toBe("a\r\nb\\x07");
  });

  test("printable text is unchanged", () => {
    const text = "Threat `T-0001`: 100%, ü, 日本, 🔥 [x]";
    expect(escapeControlCharacters(text)).toBe(text);
  });

  test("toSafeJson keeps the data", () => {
    const value = { message: "a\u009b\u2028\u202eb\u001b" };
    const json = toSafeJson(value);
    expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u202e]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe("formatter regions", () => {
  test("clamps to 1 and orders the end", () => {
    expect(regionOf(range(0, 0))).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
    expect(regionOf(range(5, 4, 5, 2))).toEqual({ startLine: 5, startColumn: 4, endLine: 5, endColumn: 4 });
    expect(regionOf(range(5, 4, 3, 9))).toEqual({ startLine: 5, startColumn: 4, endLine: 5, endColumn: 4 });
    expect(regionOf(range(2, 3, 4, 1))).toEqual({ startLine: 2, startColumn: 3, endLine: 4, endColumn: 1 });
  });
});
