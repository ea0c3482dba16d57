import { describe, expect, test } from "vitest";
import compact from "../../src/formatters/compact.js";
import { escapeControlCharacters } from "../../src/formatters/escape.js";
import { absolutePath } from "../../src/formatters/paths.js";
import { problemsOf, regionOf } from "../../src/formatters/problems.js";
import { CWD, fixtureContext, fixtureResults } from "./fixture.js";
import { runLineMatcher, setupNodeCompact, vscodeCompact, type MatchedProblem } from "./matchers.js";

const expectedLines = [
  "/work/repo/docs/threat models/pay#1.md: line 1, col 1, Error - Section `Threats` is missing; add a `## Threats` heading. (section-required)",
  "/work/repo/docs/threat models/pay#1.md: line 12, col 3, Error - Threat ID `T-0001` is already defined at line 4; give this row its own ID. (id-unique)",
  "/work/repo/docs/threat models/pay#1.md: line 20, col 1, Warning - Section `Threats: 100%, all tenants` comes after `Mitigations`; move it above. (section-order)",
  "/work/repo/docs/threat models/pay#1.md: line 31, col 5, Error - Link target `quota\\n::warning file=README.md::injected` is not defined; add it or fix the link. (xref-target-exists)",
  "/work/repo/docs/threat models/pay#1.md: line 40, col 7, Error - Link target `\\x1b[2J\\x1b[31mred\\r\\x07\\x9b` is not defined;  add it  or fix the link. (xref-target-exists)",
  "/work/repo/docs/tm.md: line 3, col 1, Warning - Section `Assets` comes after `Threats`; move it above. (section-order)",
  "/work/repo/notes/a,b: c.md: line 5, col 1, Error - Threat ID `T-9` is already defined at line 2; give this row its own ID. (id-unique)",
  "C:\\work\\repo\\docs\\win.md: line 7, col 2, Warning - Section `Assets` comes after `Threats`; move it above. (section-order)",
  "/elsewhere/outside.md: line 2, col 1, Error - Threat ID `T-3` is already defined at line 1; give this row its own ID. (id-unique)",
  "/work/repo/locked.md: line 1, col 1, Error - cannot be read: EACCES: permission denied (fatal)",
  "",
  "10 problems",
  "",
];

function expectedProblems(): MatchedProblem[] {
  return fixtureResults.flatMap((result) =>
    problemsOf(result).map((problem) => {
      const region = regionOf(problem.range);
      return {
        file: absolutePath(result.filePath, CWD),
        line: region.startLine,
        column: region.startColumn,
        severity: problem.severity === "error" ? "Error" : "Warning",
        message: escapeControlCharacters(problem.message),
        code: problem.ruleId,
      };
    }),
  );
}

describe("compact formatter", () => {
  test("golden output", () => {
    expect(compact(fixtureResults, fixtureContext()).split("\n")).toEqual(expectedLines);
  });

  test("no findings prints nothing", () => {
    expect(compact([], fixtureContext())).toBe("");
    expect(compact(fixtureResults.filter((result) => result.diagnostics.length === 0 && !result.fatal), fixtureContext())).toBe("");
  });

  test("VS Code $eslint-compact reads every finding", () => {
    const { problems, unmatched } = runLineMatcher(compact(fixtureResults, fixtureContext()), vscodeCompact);
    expect(problems).toEqual(expectedProblems());
    // Only the blank line, the count and the final newline are left.
    expect(unmatched).toEqual(["", "10 problems", ""]);
  });

  test("setup-node eslint-compact reads every finding", () => {
    const { problems } = runLineMatcher(compact(fixtureResults, fixtureContext()), setupNodeCompact);
    expect(problems).toEqual(expectedProblems());
  });

  test("Windows cwd gives drive-letter paths", () => {
    const output = compact([{ ...fixtureResults[1]!, filePath: "docs\\tm.md" }], fixtureContext({ cwd: "C:\\work\\repo" }));
    expect(output.split("\n")[0]).toBe(
      "C:\\work\\repo\\docs\\tm.md: line 3, col 1, Warning - Section `Assets` comes after `Threats`; move it above. (section-order)",
    );
  });
});
