/**
 * The `github` format: GitHub Actions workflow commands, one annotation per finding:
 * `::error file=docs/tm.md,line=3,col=1,endLine=3,endColumn=9,title=rule-id::message`.
 *
 * Escaping follows the runner's rules: in the message `%`, CR and LF are percent-encoded,
 * and in properties `:` and `,` are too. Every output line starts with a command we write,
 * and no value can contain a raw line break, so text quoted from a document can never start
 * a line with `::` and issue a command of its own.
 *
 * Paths are relative to `GITHUB_WORKSPACE` (or the working directory) with forward slashes
 * and no leading `./`, because the runner attaches an annotation to a pull request file only
 * when its path matches exactly.
 */

import { escapeControlCharactersExceptLineBreaks } from "./escape.js";
import { absolutePath, relativePath, sourceRoot } from "./paths.js";
import { plural, problemsOf, regionOf } from "./problems.js";
import type { Formatter } from "./types.js";

/** GitHub shows at most this many annotations of each severity per step and drops the rest. */
export const ANNOTATIONS_PER_SEVERITY = 10;

/** Encodes a message: `%`, CR and LF; other control characters become visible escapes. */
export function escapeData(text: string): string {
  return escapeControlCharactersExceptLineBreaks(text).replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/** Encodes a property value: like a message, plus `:` and `,`, which end a property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

const COMMANDS = { error: "error", warning: "warning" } as const;

const github: Formatter = (results, context) => {
  const root = sourceRoot(context);
  const lines: string[] = [];
  const counts = { error: 0, warning: 0 };

  for (const result of results) {
    const absolute = absolutePath(result.filePath, context.cwd);
    const file = relativePath(absolute, root) ?? absolute.replaceAll("\\", "/");

    for (const problem of problemsOf(result)) {
      counts[problem.severity]++;
      const region = regionOf(problem.range);
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${region.startLine}`,
        `col=${region.startColumn}`,
        `endLine=${region.endLine}`,
        `endColumn=${region.endColumn}`,
        `title=${escapeProperty(problem.ruleId)}`,
      ];
      lines.push(`::${COMMANDS[problem.severity]} ${properties.join(",")}::${escapeData(problem.message)}`);
    }
  }

  // Every finding stays in the log, but only the first ten of each severity become
  // annotations. One notice per severity reports the rest, so they do not vanish unnoticed.
  for (const severity of ["error", "warning"] as const) {
    const hidden = counts[severity] - ANNOTATIONS_PER_SEVERITY;
    if (hidden <= 0) continue;
    const notice =
      `${plural(hidden, `more ${severity}`)} ${hidden === 1 ? "is" : "are"} in this log but not shown as annotations, ` +
      `because GitHub shows only the first ${ANNOTATIONS_PER_SEVERITY} ${severity}s of a step. ` +
      `To see all ${counts[severity]} in the pull request, run tmlint with --format sarif and upload the file ` +
      `with github/codeql-action/upload-sarif, or read them all with --format stylish.`;
    lines.push(`::notice title=${escapeProperty("tmlint")}::${escapeData(notice)}`);
  }

  return lines.length === 0 ? "" : lines.join("\n") + "\n";
};

export default github;
