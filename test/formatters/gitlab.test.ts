import { describe, expect, test } from "vitest";
import gitlab, { type CodeQualityIssue } from "../../src/formatters/gitlab.js";
import type { LintResult } from "../../src/types.js";
import { fixtureContext, fixtureResults, range } from "./fixture.js";
import { expectGolden } from "./golden.js";

function parse(output: string): CodeQualityIssue[] {
  return JSON.parse(output) as CodeQualityIssue[];
}

function duplicateResult(lineShift: number): LintResult {
  const message = "Threat ID `T-1` is already defined at line 2; give this row its own ID.";
  return {
    filePath: "docs/tm.md",
    diagnostics: [
      { ruleId: "id-unique", severity: "error", message, range: range(5 + lineShift, 1) },
      { ruleId: "id-unique", severity: "error", message, range: range(9 + lineShift, 1) },
    ],
    errorCount: 2,
    warningCount: 0,
  };
}

describe("gitlab formatter", () => {
  test("golden output", () => {
    expectGolden("gitlab.json", gitlab(fixtureResults, fixtureContext()));
  });

  test("required fields on every issue", () => {
    for (const issue of parse(gitlab(fixtureResults, fixtureContext()))) {
      expect(issue.description.length).toBeGreaterThan(0);
      expect(issue.check_name.length).toBeGreaterThan(0);
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(["info", "minor", "major", "critical", "blocker"]).toContain(issue.severity);
      expect(issue.location.lines.begin).toBeGreaterThanOrEqual(1);
      expect(issue.location.path).not.toMatch(/^\.\/|\\/);
    }
  });

  test("severity mapping", () => {
    const issues = parse(gitlab(fixtureResults, fixtureContext()));
    expect(issues.map((issue) => issue.severity)).toEqual(["major", "major", "minor", "major", "major", "minor", "major", "minor", "major", "critical"]);
  });

  test("fingerprints are unique", () => {
    const fingerprints = parse(gitlab(fixtureResults, fixtureContext())).map((issue) => issue.fingerprint);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });

  test("fingerprint survives moved lines", () => {
    const before = parse(gitlab([duplicateResult(0)], fixtureContext())).map((issue) => issue.fingerprint);
    const after = parse(gitlab([duplicateResult(3)], fixtureContext())).map((issue) => issue.fingerprint);
    expect(after).toEqual(before);
    // Two identical findings in one file still get distinct fingerprints.
    expect(before[0]).not.toBe(before[1]);
  });

  test("paths are relative to CI_PROJECT_DIR", () => {
    const context = fixtureContext({ cwd: "/builds/group/project/docs", env: { CI_PROJECT_DIR: "/builds/group/project" } });
    const issues = parse(gitlab([{ ...duplicateResult(0), filePath: "tm.md" }], context));
    expect(issues.map((issue) => issue.location)).toEqual([
      { path: "docs/tm.md", lines: { begin: 5, end: 5 } },
      { path: "docs/tm.md", lines: { begin: 9, end: 9 } },
    ]);
  });

  test("Windows paths use forward slashes", () => {
    const context = fixtureContext({ cwd: "C:\\builds\\project" });
    const issues = parse(gitlab([{ ...duplicateResult(0), filePath: "C:\\builds\\project\\docs\\tm.md" }], context));
    expect(issues[0]!.location.path).toBe("docs/tm.md");
  });

  test("empty run is an empty array", () => {
    expect(gitlab([], fixtureContext())).toBe("[]\n");
  });
});
