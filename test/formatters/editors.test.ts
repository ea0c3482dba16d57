/**
 * Checks the problem matcher that docs/editors.md gives for the `unix` format. The pattern is
 * read from the page itself, so the page and the test cannot drift apart.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import unix from "../../src/formatters/unix.js";
import { escapeControlCharacters } from "../../src/formatters/escape.js";
import { displayPath } from "../../src/formatters/paths.js";
import { problemsOf, regionOf } from "../../src/formatters/problems.js";
import { repoRoot } from "../helpers.js";
import { CWD, fixtureContext, fixtureResults } from "./fixture.js";

interface Task {
  label: string;
  problemMatcher: string | { owner: string; pattern: { regexp: string; file: number; line: number; column: number; severity: number; message: number; code: number } };
}

const page = readFileSync(join(repoRoot, "docs", "editors.md"), "utf8");
const tasks: Task[] = [...page.matchAll(/```json\n([\s\S]*?)\n```/g)].flatMap((block) => (JSON.parse(block[1]!) as { tasks: Task[] }).tasks);
const unixTask = tasks.find((task) => typeof task.problemMatcher === "object" && task.problemMatcher.owner === "tmlint");

function matchLine(line: string): Record<string, string | number> | undefined {
  if (!unixTask || typeof unixTask.problemMatcher !== "object") throw new Error("docs/editors.md has no task with owner tmlint");
  const { pattern } = unixTask.problemMatcher;
  const match = new RegExp(pattern.regexp).exec(line);
  if (!match) return undefined;
  return {
    file: match[pattern.file]!,
    line: Number(match[pattern.line]),
    column: Number(match[pattern.column]),
    severity: match[pattern.severity]!,
    message: match[pattern.message]!,
    code: match[pattern.code]!,
  };
}

describe("docs/editors.md unix matcher", () => {
  test("page has the three tasks", () => {
    expect(tasks.map((task) => task.problemMatcher).filter((matcher) => typeof matcher === "string")).toEqual(["$eslint-stylish", "$eslint-compact"]);
    expect(unixTask?.label).toBe("tmlint: unix");
  });

  test.each([
    {
      name: "Windows drive letter, backslashes and spaces",
      line: "C:\\Users\\Ann Lee\\threat models\\pay v2.md:12:5: error: Threat ID `T-0001` is already defined at line 4; give this row its own ID. [id-unique]",
      expected: { file: "C:\\Users\\Ann Lee\\threat models\\pay v2.md", line: 12, column: 5, severity: "error", code: "id-unique" },
    },
    {
      name: "colons and spaces in folder and file names",
      line: "notes: v2/tm: draft 1.md:3:1: warning: Section `Assets` comes after `Threats`; move it above. [section-order]",
      expected: { file: "notes: v2/tm: draft 1.md", line: 3, column: 1, severity: "warning", code: "section-order" },
    },
    {
      name: "absolute path with colon folders",
      line: "/home/ann/threat models/a:b/c: d.md:40:7: error: Link target `quota` is not defined; add it or fix the link. [xref-target-exists]",
      expected: { file: "/home/ann/threat models/a:b/c: d.md", line: 40, column: 7, severity: "error", code: "xref-target-exists" },
    },
    {
      name: "message that quotes a finding and brackets",
      line: "docs/tm.md:2:9: error: Link target `x.md:1:2: error: y [z]` is not defined; add it or fix the link. [xref-target-exists]",
      expected: {
        file: "docs/tm.md",
        line: 2,
        column: 9,
        severity: "error",
        message: "Link target `x.md:1:2: error: y [z]` is not defined; add it or fix the link.",
        code: "xref-target-exists",
      },
    },
    {
      name: "UNC path",
      line: "\\\\server\\share\\tm.md:2:3: warning: Section `Assets` comes after `Threats`; move it above. [section-order]",
      expected: { file: "\\\\server\\share\\tm.md", line: 2, column: 3, severity: "warning", code: "section-order" },
    },
  ])("$name", ({ line, expected }) => {
    expect(matchLine(line)).toMatchObject(expected);
  });

  test("reads every line of unix output", () => {
    const lines = unix(fixtureResults, fixtureContext()).trimEnd().split("\n");
    const expected = fixtureResults.flatMap((result) =>
      problemsOf(result).map((problem) => {
        const region = regionOf(problem.range);
        return {
          file: displayPath(result.filePath, CWD),
          line: region.startLine,
          column: region.startColumn,
          severity: problem.severity,
          message: escapeControlCharacters(problem.message),
          code: problem.ruleId,
        };
      }),
    );
    expect(lines.map(matchLine)).toEqual(expected);
  });

  test("reads unix output made on Windows", () => {
    const result = { ...fixtureResults[0]!, filePath: "C:\\work\\repo\\docs\\threat models\\pay#1.md" };
    const lines = unix([result], fixtureContext({ cwd: "C:\\work" })).trimEnd().split("\n");
    expect(lines.map((line) => matchLine(line)?.file)).toEqual(Array(5).fill("repo/docs/threat models/pay#1.md"));
  });
});
