/**
 * Problem matchers written from their published definitions, to check that our text output
 * is read the way editors and CI runners read it.
 *
 * - VS Code's built-in `$eslint-stylish` and `$eslint-compact` patterns, from
 *   `src/vs/workbench/contrib/tasks/common/problemMatcher.ts` in microsoft/vscode. Both
 *   matchers use `fileLocation: absolute`.
 * - The copies that actions/setup-node registers on GitHub runners, from its
 *   `.github/eslint-stylish.json` and `.github/eslint-compact.json`.
 */

export const vscodeStylishFile = /^((?:[a-zA-Z]:)*[./\\]+.*?)$/;
export const vscodeStylishRow = /^\s+(\d+):(\d+)\s+(error|warning|info)\s+(.+?)(?:\s\s+(.*))?$/;
export const vscodeCompact = /^(.+):\sline\s(\d+),\scol\s(\d+),\s(Error|Warning|Info)\s-\s(.+)\s\((.+)\)$/;

export const setupNodeStylishFile = /^\s*([^\s].*)$/;
export const setupNodeStylishRow = /^\s+(\d+):(\d+)\s+(error|warning|info)\s+(.*)\s\s+(.*)$/;
export const setupNodeCompact = /^(.+):\sline\s(\d+),\scol\s(\d+),\s([Ee]rror|[Ww]arning|[Ii]nfo)\s-\s(.+)\s\((.+)\)$/;

export interface MatchedProblem {
  file: string;
  line: number;
  column: number;
  severity: string;
  message: string;
  code: string | undefined;
}

/**
 * Runs a two-pattern matcher whose second pattern loops, as VS Code and the Actions runner do.
 * A line matching the file pattern starts a file, and each following line that matches the
 * row pattern gives a problem. Any other line ends the file.
 */
export function runLoopMatcher(output: string, filePattern: RegExp, rowPattern: RegExp): MatchedProblem[] {
  const problems: MatchedProblem[] = [];
  let file: string | undefined;
  for (const line of output.split("\n")) {
    const row = file === undefined ? null : rowPattern.exec(line);
    if (row && file !== undefined) {
      problems.push({
        file,
        line: Number(row[1]),
        column: Number(row[2]),
        severity: row[3] ?? "",
        message: (row[4] ?? "").trimEnd(),
        code: row[5],
      });
      continue;
    }
    file = filePattern.exec(line)?.[1];
  }
  return problems;
}

/** Runs a one-line matcher over every line and returns the lines it did not match, too. */
export function runLineMatcher(output: string, pattern: RegExp): { problems: MatchedProblem[]; unmatched: string[] } {
  const problems: MatchedProblem[] = [];
  const unmatched: string[] = [];
  for (const line of output.split("\n")) {
    const match = pattern.exec(line);
    if (!match) {
      unmatched.push(line);
      continue;
    }
    problems.push({
      file: match[1] ?? "",
      line: Number(match[2]),
      column: Number(match[3]),
      severity: match[4] ?? "",
      message: match[5] ?? "",
      code: match[6],
    });
  }
  return { problems, unmatched };
}

/** Removes the SGR colour sequences that the stylish formatter writes. */
export function stripColors(text: string): string {
  return text.replace(/\u001b\[\d+(?:;\d+)*m/g, "");
}
