/**
 * The `stylish` format, laid out like ESLint's so that VS Code's `$eslint-stylish` problem
 * matcher reads it: the file path on its own unindented line, then one indented row per
 * finding (`line:column  severity  message  rule-id`), then a summary.
 */

import pc from "picocolors";
import { displayPath } from "../files.js";
import { escapeControlCharacters } from "./escape.js";
import type { Formatter } from "./types.js";

/** Collapses runs of spaces: the matcher reads two spaces as the end of the message. */
function oneLine(text: string): string {
  return escapeControlCharacters(text).replace(/ {2,}/g, " ");
}

const stylish: Formatter = (results, context) => {
  const colors = pc.createColors(context.color);
  let output = "";
  let errors = 0;
  let warnings = 0;

  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;

    const rows = result.diagnostics.map((diagnostic) => ({
      position: `${diagnostic.range.start.line}:${diagnostic.range.start.column}`,
      severity: diagnostic.severity,
      message: oneLine(diagnostic.message),
      ruleId: diagnostic.ruleId,
    }));
    const positionWidth = Math.max(...rows.map((row) => row.position.length));
    const severityWidth = Math.max(...rows.map((row) => row.severity.length));
    const messageWidth = Math.max(...rows.map((row) => row.message.length));

    output += `\n${colors.underline(escapeControlCharacters(displayPath(result.filePath, context.cwd)))}\n`;
    for (const row of rows) {
      const severity = row.severity.padEnd(severityWidth);
      const paint = row.severity === "error" ? colors.red : colors.yellow;
      output +=
        `  ${colors.dim(row.position.padEnd(positionWidth))}  ${paint(severity)}  ` +
        `${row.message.padEnd(messageWidth)}  ${colors.dim(row.ruleId)}\n`;
    }
  }

  const total = errors + warnings;
  const files = results.length;
  const linted = `Linted ${files} ${files === 1 ? "file" : "files"}`;
  if (total === 0) return `${linted}: no problems.\n`;
  const summary =
    `\u2716 ${total} ${total === 1 ? "problem" : "problems"} ` +
    `(${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"})`;
  const paint = errors > 0 ? colors.red : colors.yellow;
  return `${output}\n${paint(colors.bold(summary))}\n${linted}.\n`;
};

export default stylish;
