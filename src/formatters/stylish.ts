/**
 * The `stylish` format, laid out like ESLint's so that VS Code's `$eslint-stylish` problem
 * matcher reads it, and so does the copy that actions/setup-node registers on GitHub runners.
 * Each file's absolute path is on its own unindented line, followed by one indented row per
 * finding (`line:column  severity  message  rule-id`). A summary ends the output.
 *
 * The matcher's first pattern accepts a file line only when it starts with `.`, `/` or `\`,
 * optionally after a drive letter, so paths are printed absolute. Its row pattern ends the
 * message at the first run of two spaces, so runs of spaces inside a message are collapsed.
 */

import pc from "picocolors";
import { escapeControlCharacters } from "./escape.js";
import { absolutePath } from "./paths.js";
import { countProblems, plural, problemsOf, regionOf } from "./problems.js";
import type { Formatter } from "./types.js";

/** Makes a message safe for one row: visible control characters, single spaces. */
function oneLine(text: string): string {
  return escapeControlCharacters(text).replace(/\s{2,}/g, " ").trim();
}

const stylish: Formatter = (results, context) => {
  const colors = pc.createColors(context.color);
  let output = "";

  for (const result of results) {
    const problems = problemsOf(result);
    if (problems.length === 0) continue;

    const rows = problems.map((problem) => {
      const region = regionOf(problem.range);
      return {
        line: String(region.startLine),
        column: String(region.startColumn),
        severity: problem.severity,
        message: oneLine(problem.message),
        ruleId: escapeControlCharacters(problem.ruleId),
      };
    });
    const lineWidth = Math.max(...rows.map((row) => row.line.length));
    const columnWidth = Math.max(...rows.map((row) => row.column.length));
    const severityWidth = Math.max(...rows.map((row) => row.severity.length));
    const messageWidth = Math.max(...rows.map((row) => row.message.length));

    output += `\n${colors.underline(escapeControlCharacters(absolutePath(result.filePath, context.cwd)))}\n`;
    for (const row of rows) {
      // Line numbers align right and columns left, as in ESLint's table.
      const position = `${row.line.padStart(lineWidth)}:${row.column.padEnd(columnWidth)}`;
      const paint = row.severity === "error" ? colors.red : colors.yellow;
      output +=
        `  ${colors.dim(position)}  ${paint(row.severity.padEnd(severityWidth))}  ` +
        `${row.message.padEnd(messageWidth)}  ${colors.dim(row.ruleId)}\n`;
    }
  }

  const { errors, warnings } = countProblems(results);
  const linted = `Linted ${plural(results.length, "file")}`;
  if (errors + warnings === 0) return `${linted}: no problems.\n`;

  const summary = `\u2716 ${plural(errors + warnings, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")})`;
  const paint = errors > 0 ? colors.red : colors.yellow;
  return `${output}\n${paint(colors.bold(summary))}\n${linted}.\n`;
};

export default stylish;
