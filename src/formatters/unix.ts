/**
 * The `unix` format: one finding per line, `path:line:column: severity: message [rule-id]`,
 * for editor problem matchers and grep.
 */

import { displayPath } from "../files.js";
import { escapeControlCharacters } from "./escape.js";
import type { Formatter } from "./types.js";

const unix: Formatter = (results, context) => {
  const lines: string[] = [];
  for (const result of results) {
    const path = escapeControlCharacters(displayPath(result.filePath, context.cwd));
    for (const diagnostic of result.diagnostics) {
      const { line, column } = diagnostic.range.start;
      const message = escapeControlCharacters(diagnostic.message);
      lines.push(`${path}:${line}:${column}: ${diagnostic.severity}: ${message} [${diagnostic.ruleId}]`);
    }
  }
  return lines.length === 0 ? "" : lines.join("\n") + "\n";
};

export default unix;
