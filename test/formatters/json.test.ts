import { describe, expect, test } from "vitest";
import json, { type ReportFile } from "../../src/formatters/json.js";
import { fixtureContext, fixtureResults } from "./fixture.js";
import { expectGolden } from "./golden.js";
import { describeErrors, reportValidator } from "./schemas.js";

const validate = reportValidator();

function parse(output: string): ReportFile[] {
  return JSON.parse(output) as ReportFile[];
}

describe("json formatter", () => {
  test("golden output", () => {
    expectGolden("report.json", json(fixtureResults, fixtureContext()));
  });

  test("output matches the published schema", () => {
    const report = parse(json(fixtureResults, fixtureContext()));
    expect(validate(report), describeErrors(validate)).toBe(true);
  });

  test("schema rejects column 0 and unknown keys", () => {
    const zeroColumn = parse(json(fixtureResults, fixtureContext()));
    zeroColumn[0]!.diagnostics[0]!.column = 0;
    expect(validate(zeroColumn)).toBe(false);

    const extraKey = parse(json(fixtureResults, fixtureContext())) as unknown as Record<string, unknown>[];
    extraKey[0]!.extra = true;
    expect(validate(extraKey)).toBe(false);
  });

  test("one entry per file, clean files included", () => {
    const report = parse(json(fixtureResults, fixtureContext()));
    expect(report.map((file) => file.filePath)).toEqual([
      "/work/repo/docs/threat models/pay#1.md",
      "/work/repo/docs/tm.md",
      "/work/repo/notes/a,b: c.md",
      "C:\\work\\repo\\docs\\win.md",
      "/elsewhere/outside.md",
      "/work/repo/clean.md",
      "/work/repo/locked.md",
    ]);
  });

  test("diagnostic carries position, docs, related and fix", () => {
    const diagnostic = parse(json(fixtureResults, fixtureContext()))[0]!.diagnostics[1];
    expect(diagnostic).toEqual({
      ruleId: "id-unique",
      severity: "error",
      message: "Threat ID `T-0001` is already defined at line 4; give this row its own ID.",
      messageId: "duplicate",
      line: 12,
      column: 3,
      endLine: 12,
      endColumn: 9,
      docsUrl: "https://github.com/tmlint/tmlint/blob/main/docs/rules/id-unique.md",
      related: [{ message: "First defined here.", line: 4, column: 3, endLine: 4, endColumn: 9 }],
      fix: { range: { start: 210, end: 216 }, text: "T-0002" },
    });
  });

  test("related location in another file has its path", () => {
    const related = parse(json(fixtureResults, fixtureContext()))[1]!.diagnostics[0]!.related;
    expect(related).toEqual([{ message: "Threats section.", filePath: "/work/repo/docs/other.md", line: 9, column: 1, endLine: 9, endColumn: 12 }]);
  });

  test("position without a column becomes 1:1", () => {
    const diagnostic = parse(json(fixtureResults, fixtureContext()))[0]!.diagnostics[0]!;
    expect([diagnostic.line, diagnostic.column, diagnostic.endLine, diagnostic.endColumn]).toEqual([1, 1, 1, 1]);
  });

  test("unreadable file has fatal and no diagnostics", () => {
    const file = parse(json(fixtureResults, fixtureContext())).at(-1)!;
    expect(file.fatal).toBe("cannot be read: EACCES: permission denied");
    expect(file.diagnostics).toEqual([]);
  });

  test("control characters round-trip but stay escaped", () => {
    const output = json(fixtureResults, fixtureContext());
    expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(output).toContain("\\u009b");
    expect(parse(output)[0]!.diagnostics[4]!.message).toBe(fixtureResults[0]!.diagnostics[4]!.message);
  });
});
