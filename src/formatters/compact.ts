/**
 * The `compact` format, as ESLint writes it: one finding per line,
 * `path: line L, col C, Error - message (rule-id)`, then a blank line and a problem count.
 * VS Code's `$eslint-compact` problem matcher reads the lines; it expects absolute paths.
 */

import { escapeControlCharacters } from "./escape.js";
import { absolutePath } from "./paths.js";
import { countProblems, plural, problemsOf, regionOf } from "./problems.js";
import type { Formatter } from "./types.js";

const SEVERITY_WORDS = { error: "Error", warning: "Warning" } as const;

const compact: Formatter = (results, context) => {
  const lines: string[] = [];

  for (const result of results) {
    const path = escapeControlCharacters(absolutePath(result.filePath, context.cwd));
    for (const problem of problemsOf(result)) {
      const { startLine, startColumn } = regionOf(problem.range);
      // NOTE: the matcher takes the path up to the last `: line N, col N, Error - `, so a
      // message that quotes exactly that sequence is misread by it.
      const message = escapeControlCharacters(problem.message);
      lines.push(
        `${path}: line ${startLine}, col ${startColumn}, ${SEVERITY_WORDS[problem.severity]} - ${message} ` +
          `(${escapeControlCharacters(problem.ruleId)})`,
      );
    }
  }

  if (lines.length === 0) return "";
  const { errors, warnings } = countProblems(results);
  return `${lines.join("\n")}\n\n${plural(errors + warnings, "problem")}\n`;
};

export default compact;
