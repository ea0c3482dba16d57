import { describe, expect, test } from "vitest";
import github, { escapeData, escapeProperty } from "../../src/formatters/github.js";
import { escapeControlCharactersExceptLineBreaks } from "../../src/formatters/escape.js";
import { problemsOf } from "../../src/formatters/problems.js";
import type { Diagnostic, LintResult } from "../../src/types.js";
import { fixtureContext, fixtureResults, range } from "./fixture.js";

const expectedLines = [
  "::error file=docs/threat models/pay#1.md,line=1,col=1,endLine=1,endColumn=1,title=section-required::Section `Threats` is missing; add a `## Threats` heading.",
  "::error file=docs/threat models/pay#1.md,line=12,col=3,endLine=12,endColumn=9,title=id-unique::Threat ID `T-0001` is already defined at line 4; give this row its own ID.",
  "::warning file=docs/threat models/pay#1.md,line=20,col=1,endLine=20,endColumn=38,title=section-order::Section `Threats: 100%25, all tenants` comes after `Mitigations`; move it above.",
  "::error file=docs/threat models/pay#1.md,line=31,col=5,endLine=32,endColumn=40,title=xref-target-exists::Link target `quota%0A::warning file=README.md::injected` is not defined; add it or fix the link.",
  "::error file=docs/threat models/pay#1.md,line=40,col=7,endLine=40,endColumn=30,title=xref-target-exists::Link target `\\x1b[2J\\x1b[31mred%0D\\x07\\x9b` is not defined;  add it  or fix the link.",
  "::warning file=docs/tm.md,line=3,col=1,endLine=3,endColumn=10,title=section-order::Section `Assets` comes after `Threats`; move it above.",
  "::error file=notes/a%2Cb%3A c.md,line=5,col=1,endLine=5,endColumn=4,title=id-unique::Threat ID `T-9` is already defined at line 2; give this row its own ID.",
  "::warning file=C%3A/work/repo/docs/win.md,line=7,col=2,endLine=7,endColumn=9,title=section-order::Section `Assets` comes after `Threats`; move it above.",
  "::error file=/elsewhere/outside.md,line=2,col=1,endLine=2,endColumn=5,title=id-unique::Threat ID `T-3` is already defined at line 1; give this row its own ID.",
  "::error file=locked.md,line=1,col=1,endLine=1,endColumn=1,title=fatal::cannot be read: EACCES: permission denied",
  "",
];

interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

/** Reverses the runner's escaping of a message. `%25` goes last, as in the runner. */
function unescapeData(text: string): string {
  return text.replaceAll("%0D", "\r").replaceAll("%0A", "\n").replaceAll("%25", "%");
}

function unescapeProperty(text: string): string {
  return text.replaceAll("%0D", "\r").replaceAll("%0A", "\n").replaceAll("%3A", ":").replaceAll("%2C", ",").replaceAll("%25", "%");
}

/**
 * Reads output the way the Actions runner reads workflow commands: a line starting with `::`
 * is a command, its properties end at the next `::`, are split on `,` and then on the first `=`.
 */
function parseCommands(output: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  for (const line of output.split(/\r\n|\r|\n/)) {
    if (!line.startsWith("::")) continue;
    const end = line.indexOf("::", 2);
    const head = line.slice(2, end);
    const space = head.indexOf(" ");
    const command = space === -1 ? head : head.slice(0, space);
    const properties: Record<string, string> = {};
    if (space !== -1) {
      for (const pair of head.slice(space + 1).split(",")) {
        const equals = pair.indexOf("=");
        properties[pair.slice(0, equals)] = unescapeProperty(pair.slice(equals + 1));
      }
    }
    commands.push({ command, properties, message: unescapeData(line.slice(end + 2)) });
  }
  return commands;
}

function errors(count: number, severity: "error" | "warning" = "error"): Diagnostic[] {
  return Array.from({ length: count }, (_, index) => ({
    ruleId: "id-unique",
    severity,
    message: `Threat ID \`T-${index}\` is already defined at line 1; give this row its own ID.`,
    range: range(index + 2, 1),
  }));
}

describe("github formatter", () => {
  test("golden output", () => {
    expect(github(fixtureResults, fixtureContext()).split("\n")).toEqual(expectedLines);
  });

  test("messages and properties round-trip", () => {
    const commands = parseCommands(github(fixtureResults, fixtureContext()));
    const problems = fixtureResults.flatMap((result) => problemsOf(result));
    expect(commands).toHaveLength(problems.length);
    commands.forEach((command, index) => {
      const problem = problems[index]!;
      expect(command.command).toBe(problem.severity);
      expect(command.message).toBe(escapeControlCharactersExceptLineBreaks(problem.message));
      expect(command.properties.title).toBe(problem.ruleId);
    });
    expect(commands.map((command) => command.properties.file)).toContain("notes/a,b: c.md");
  });

  test("document text cannot start a command", () => {
    const output = github(fixtureResults, fixtureContext());
    const lines = output.split(/\r\n|\r|\n|\u2028|\u2029|\u0085/);
    // One line per finding plus the final newline: the quoted `::warning` stays inside its line.
    expect(lines).toHaveLength(fixtureResults.flatMap((result) => problemsOf(result)).length + 1);
    for (const line of lines.filter((entry) => entry !== "")) {
      expect(line).toMatch(/^::(error|warning) file=[^:]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:,]*::/);
    }
  });

  test("escaping follows the runner", () => {
    expect(escapeData("100%\r\nnext")).toBe("100%25%0D%0Anext");
    expect(escapeProperty("a,b: c%")).toBe("a%2Cb%3A c%25");
    expect(escapeProperty("x\ny")).toBe("x%0Ay");
    expect(escapeData("\u001b[31m")).toBe("\\x1b[31m");
  });

  test("paths agree for ./, // and absolute forms", () => {
    const context = fixtureContext({ cwd: "/ws", env: { GITHUB_WORKSPACE: "/ws" } });
    const diagnostic: Diagnostic = { ruleId: "id-unique", severity: "error", message: "Threat ID `T-1` is already defined at line 1; give this row its own ID.", range: range(3, 1) };
    const lines = ["./docs/tm.md", "docs//tm.md", "/ws/docs/tm.md"].map((filePath) =>
      github([{ filePath, diagnostics: [diagnostic], errorCount: 1, warningCount: 0 }], context),
    );
    for (const line of lines) expect(line).toMatch(/^::error file=docs\/tm\.md,line=3,col=1,/);
  });

  test("paths are relative to GITHUB_WORKSPACE", () => {
    const diagnostic = errors(1)[0]!;
    const fromSubfolder = github(
      [{ filePath: "tm.md", diagnostics: [diagnostic], errorCount: 1, warningCount: 0 }],
      fixtureContext({ cwd: "/ws/docs", env: { GITHUB_WORKSPACE: "/ws" } }),
    );
    expect(fromSubfolder).toMatch(/^::error file=docs\/tm\.md,/);

    const windows = github(
      [{ filePath: "D:\\a\\repo\\repo\\docs\\tm.md", diagnostics: [diagnostic], errorCount: 1, warningCount: 0 }],
      fixtureContext({ cwd: "D:\\a\\repo\\repo", env: { GITHUB_WORKSPACE: "D:\\a\\repo\\repo" } }),
    );
    expect(windows).toMatch(/^::error file=docs\/tm\.md,/);
  });

  test("notice after ten annotations of a severity", () => {
    const result: LintResult = { filePath: "docs/tm.md", diagnostics: [...errors(12), ...errors(11, "warning")], errorCount: 12, warningCount: 11 };
    const commands = parseCommands(github([result], fixtureContext()));
    expect(commands.filter((command) => command.command === "error")).toHaveLength(12);
    expect(commands.filter((command) => command.command === "warning")).toHaveLength(11);
    expect(commands.filter((command) => command.command === "notice").map((command) => command.message)).toEqual([
      "2 more errors are in this log but not shown as annotations, because GitHub shows only the first 10 errors of a step. " +
        "To see all 12 in the pull request, run tmlint with --format sarif and upload the file with github/codeql-action/upload-sarif, " +
        "or read them all with --format stylish.",
      "1 more warning is in this log but not shown as annotations, because GitHub shows only the first 10 warnings of a step. " +
        "To see all 11 in the pull request, run tmlint with --format sarif and upload the file with github/codeql-action/upload-sarif, " +
        "or read them all with --format stylish.",
    ]);
    expect(commands.at(-1)?.properties.title).toBe("tmlint");
  });

  test("no notice at exactly ten", () => {
    const result: LintResult = { filePath: "docs/tm.md", diagnostics: errors(10), errorCount: 10, warningCount: 0 };
    expect(github([result], fixtureContext())).not.toContain("::notice");
  });

  test("no findings prints nothing", () => {
    expect(github([], fixtureContext())).toBe("");
  });
});
