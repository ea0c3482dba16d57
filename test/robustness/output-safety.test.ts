/**
 * Output safety from end to end: findings that quote document text must not carry terminal
 * control sequences or bidirectional controls into the report, and must not start a GitHub
 * Actions workflow command of their own.
 */

import { describe, expect, it } from "vitest";
import { runCli, tree } from "../cli/helpers.js";

const HOSTILE = [
  "# Threat Model",
  "",
  "## Threats",
  "",
  "| Threat ID | Threat |",
  "| --- | --- |",
  "| T-0001 | ok |",
  "and \u001b[2J\u001b[31mred\u0007 \u009b1m \u202eevil\u2028 ::error file=a.md::wrapped |",
  "",
  "> | ID | Control |",
  "> | --- | --- |",
  "> | M-0003 | x |",
  "::warning file=README.md::lazy \u001b]8;;http://x\u0007 | y",
  "",
].join("\n");

const CONFIG = '{ "extends": [], "rules": { "table-row-shape": "error" } }';

/** C0 and C1 controls other than LF, DEL, line and paragraph separators, bidirectional controls. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe("output of findings that quote document text", () => {
  it.each(["stylish", "unix", "compact", "github"])("%s has no control characters", async (format) => {
    const root = tree({ "tm.md": HOSTILE, ".tmlintrc.json": CONFIG });
    const run = await runCli(root, ["-f", format, "tm.md"]);
    expect(run.code).toBe(1);
    // The quoted text is in the report, escaped.
    expect(run.stdout).toContain("\\x1b[2J\\x1b[31mred\\x07 \\x9b1m \\u202eevil\\u2028");
    expect(run.stdout).toContain("\\x1b]8;;http://x\\x07");
    expect(run.stdout).not.toMatch(UNSAFE);
  });

  it.each(["stylish", "unix", "compact"])("%s starts no line with a workflow command", async (format) => {
    const root = tree({ "tm.md": HOSTILE, ".tmlintrc.json": CONFIG });
    const run = await runCli(root, ["-f", format, "tm.md"]);
    expect(run.stdout).toContain("::warning file=README.md::lazy");
    expect(run.stdout.split("\n").filter((line) => line.trimStart().startsWith("::"))).toEqual([]);
  });

  it("github writes one command per finding, text inside its message", async () => {
    const root = tree({ "tm.md": HOSTILE, ".tmlintrc.json": CONFIG });
    const run = await runCli(root, ["-f", "github", "tm.md"]);
    const lines = run.stdout.split("\n").filter(Boolean);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^::error file=tm\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=table-row-shape::[^\n]*$/);
    expect(lines[0]).toContain("`and \\x1b[2J");
    expect(lines[1]).toContain("`::warning file=README.md::lazy");
  });
});
