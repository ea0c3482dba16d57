/**
 * Linting files on disk: read each one, lint it by kind, and turn every file problem into
 * a result that names the file, so that the other files are still linted.
 */

import type { LintResult } from "./types.js";
import { readTextFile } from "./files.js";
import { lintText, type LintTextOptions } from "./lint.js";
import { toResult } from "./engine.js";

export interface LintFilesOptions extends Omit<LintTextOptions, "filePath"> {}

/** Lints one file. A file that cannot be read gives a result with `fatal` set. */
export async function lintFile(path: string, options: LintFilesOptions = {}): Promise<LintResult> {
  const outcome = await readTextFile(path);
  if (!outcome.ok) return { filePath: path, diagnostics: [], errorCount: 0, warningCount: 0, fatal: outcome.message };

  const result = path.toLowerCase().endsWith(".json")
    ? lintJsonPlaceholder(path, outcome.text)
    : lintText(outcome.text, { ...options, filePath: path });

  if (outcome.invalidUtf8Offset !== undefined) {
    result.diagnostics.unshift({
      ruleId: "text-encoding",
      severity: "warning",
      message: `File is not valid UTF-8: byte offset ${outcome.invalidUtf8Offset} starts an invalid sequence; it was read with replacement characters (U+FFFD). Save the file as UTF-8.`,
      range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
    });
    result.warningCount++;
  }
  return result;
}

// TODO: replace with ThreatComposer JSON validation; until then a .tc.json file is only
// checked for being well-formed JSON.
function lintJsonPlaceholder(path: string, text: string): LintResult {
  try {
    JSON.parse(text);
    return toResult(path, [], text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return toResult(path, [
      {
        ruleId: "tc-json-schema",
        severity: "error",
        message: `File is not valid JSON: ${reason}.`,
        range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
      },
    ], text);
  }
}

/** Lints files in order; the results come back in the same order. */
export async function lintFiles(paths: readonly string[], options: LintFilesOptions = {}): Promise<LintResult[]> {
  const results: LintResult[] = [];
  for (const path of paths) results.push(await lintFile(path, options));
  return results;
}
