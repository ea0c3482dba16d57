import { describe, expect, test } from "vitest";
import stylish from "../../src/formatters/stylish.js";
import { escapeControlCharacters } from "../../src/formatters/escape.js";
import { absolutePath } from "../../src/formatters/paths.js";
import { problemsOf, regionOf } from "../../src/formatters/problems.js";
import { CWD, fixtureContext, fixtureResults } from "./fixture.js";
import {
  runLoopMatcher,
  setupNodeStylishFile,
  setupNodeStylishRow,
  stripColors,
  vscodeStylishFile,
  vscodeStylishRow,
  type MatchedProblem,
} from "./matchers.js";

const expectedLines = [
  "",
  "/work/repo/docs/threat models/pay#1.md",
  "   1:1  error    Section `Threats` is missing; add a `## Threats` heading.                                        section-required",
  "  12:3  error    Threat ID `T-0001` is already defined at line 4; give this row its own ID.                       id-unique",
  "  20:1  warning  Section `Threats: 100%, all tenants` comes after `Mitigations`; move it above.                   section-order",
  "  31:5  error    Link target `quota\\n::warning file=README.md::injected` is not defined; add it or fix the link.  xref-target-exists",
  "  40:7  error    Link target `\\x1b[2J\\x1b[31mred\\r\\x07\\x9b` is not defined; add it or fix the link.               xref-target-exists",
  "",
  "/work/repo/docs/tm.md",
  "  3:1  warning  Section `Assets` comes after `Threats`; move it above.  section-order",
  "",
  "/work/repo/notes/a,b: c.md",
  "  5:1  error  Threat ID `T-9` is already defined at line 2; give this row its own ID.  id-unique",
  "",
  "C:\\work\\repo\\docs\\win.md",
  "  7:2  warning  Section `Assets` comes after `Threats`; move it above.  section-order",
  "",
  "/elsewhere/outside.md",
  "  2:1  error  Threat ID `T-3` is already defined at line 1; give this row its own ID.  id-unique",
  "",
  "/work/repo/locked.md",
  "  1:1  error  cannot be read: EACCES: permission denied  fatal",
  "",
  "\u2716 10 problems (7 errors, 3 warnings)",
  "Linted 7 files.",
  "",
];

/** What a matcher should read for every finding in the fixture. */
function expectedProblems(): MatchedProblem[] {
  return fixtureResults.flatMap((result) =>
    problemsOf(result).map((problem) => {
      const region = regionOf(problem.range);
      return {
        file: absolutePath(result.filePath, CWD),
        line: region.startLine,
        column: region.startColumn,
        severity: problem.severity,
        // The row shows control characters escaped and runs of spaces collapsed.
        message: escapeControlCharacters(problem.message).replace(/\s+/g, " "),
        code: problem.ruleId,
      };
    }),
  );
}

describe("stylish formatter", () => {
  test("golden output", () => {
    expect(stylish(fixtureResults, fixtureContext()).split("\n")).toEqual(expectedLines);
  });

  test("clean run prints the file count", () => {
    const clean = fixtureResults.filter((result) => result.filePath === "/work/repo/clean.md");
    expect(stylish(clean, fixtureContext())).toBe("Linted 1 file: no problems.\n");
    expect(stylish([], fixtureContext())).toBe("Linted 0 files: no problems.\n");
  });

  test("warnings only", () => {
    const warningsOnly = fixtureResults.filter((result) => result.filePath === "docs/tm.md");
    expect(stylish(warningsOnly, fixtureContext()).split("\n").slice(-3)).toEqual([
      "\u2716 1 problem (0 errors, 1 warning)",
      "Linted 1 file.",
      "",
    ]);
  });

  test("VS Code $eslint-stylish reads every finding", () => {
    const output = stylish(fixtureResults, fixtureContext());
    expect(runLoopMatcher(output, vscodeStylishFile, vscodeStylishRow)).toEqual(expectedProblems());
  });

  test("setup-node eslint-stylish reads every finding", () => {
    const output = stylish(fixtureResults, fixtureContext());
    expect(runLoopMatcher(output, setupNodeStylishFile, setupNodeStylishRow)).toEqual(expectedProblems());
  });

  test("every line is a file, a row, blank or the summary", () => {
    const lines = stylish(fixtureResults, fixtureContext()).split("\n");
    const summary = new Set(["\u2716 10 problems (7 errors, 3 warnings)", "Linted 7 files."]);
    for (const line of lines) {
      const kind = line === "" ? "blank" : summary.has(line) ? "summary" : vscodeStylishFile.test(line) ? "file" : vscodeStylishRow.test(line) ? "row" : "unknown";
      expect(kind, line).not.toBe("unknown");
      // The summary must not be taken for a file line.
      if (summary.has(line)) expect(vscodeStylishFile.test(line)).toBe(false);
    }
  });

  test("Windows cwd gives drive-letter file lines", () => {
    const output = stylish([{ filePath: "docs\\tm.md", diagnostics: fixtureResults[1]!.diagnostics, errorCount: 0, warningCount: 1 }], fixtureContext({ cwd: "C:\\work\\repo" }));
    const problems = runLoopMatcher(output, vscodeStylishFile, vscodeStylishRow);
    expect(problems.map((problem) => problem.file)).toEqual(["C:\\work\\repo\\docs\\tm.md"]);
  });

  test("colour only when asked", () => {
    const plain = stylish(fixtureResults, fixtureContext({ color: false }));
    const coloured = stylish(fixtureResults, fixtureContext({ color: true }));
    expect(plain).not.toContain("\u001b");
    expect(coloured).toContain("\u001b[31merror");
    expect(stripColors(coloured)).toBe(plain);
  });

  test("document text writes no escape sequence", () => {
    const coloured = stylish(fixtureResults, fixtureContext({ color: true }));
    // Only our own colour codes remain; the ESC, BEL and CSI characters quoted from the
    // document are shown as text.
    expect(stripColors(coloured)).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  test("positions below 1 are shown as 1:1", () => {
    const output = stylish(fixtureResults, fixtureContext());
    expect(output).toContain("   1:1  error    Section `Threats` is missing");
    expect(output).not.toMatch(/\b0:0\b/);
  });
});
