/**
 * The `unix` format: one finding per line, `path:line:column: severity: message [rule-id]`,
 * for grep, editors and the problem matcher in `docs/editors.md`. Paths are relative to the
 * working directory when the file is below it.
 */

import { escapeControlCharacters } from "./escape.js";
import { displayPath } from "./paths.js";
import { problemsOf, regionOf } from "./problems.js";
import type { Formatter } from "./types.js";

const unix: Formatter = (results, context) => {
  const lines: string[] = [];
  for (const result of results) {
    const path = escapeControlCharacters(displayPath(result.filePath, context.cwd));
    for (const problem of problemsOf(result)) {
      const { startLine, startColumn } = regionOf(problem.range);
      const message = escapeControlCharacters(problem.message);
      lines.push(`${path}:${startLine}:${startColumn}: ${problem.severity}: ${message} [${escapeControlCharacters(problem.ruleId)}]`);
    }
  }
  return lines.length === 0 ? "" : lines.join("\n") + "\n";
};

export default unix;
