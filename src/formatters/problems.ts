/**
 * Helpers shared by the formatters: a file's problems in one list, totals, and positions
 * that consumers accept.
 */

import type { AnyRule, Diagnostic, LintResult, Range } from "../types.js";

/**
 * The rule id that line-oriented formats print for a file that could not be read or parsed
 * (`LintResult.fatal`). It is not a rule; formats with a place for tool failures (SARIF
 * notifications, JUnit `<error>`, the JSON `fatal` field) use that place instead.
 */
export const FATAL_RULE_ID = "fatal";

const FILE_START: Range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/** Returns a file's diagnostics, preceded by an error at line 1, column 1 when the file is fatal. */
export function problemsOf(result: LintResult): Diagnostic[] {
  if (result.fatal === undefined) return result.diagnostics;
  const fatal: Diagnostic = { ruleId: FATAL_RULE_ID, severity: "error", message: result.fatal, range: FILE_START };
  return [fatal, ...result.diagnostics];
}

export interface ProblemTotals {
  errors: number;
  warnings: number;
}

/** Counts errors and warnings over all results; a fatal file counts as one error. */
export function countProblems(results: readonly LintResult[]): ProblemTotals {
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    for (const problem of problemsOf(result)) {
      if (problem.severity === "error") errors++;
      else warnings++;
    }
  }
  return { errors, warnings };
}

/** Writes `1 error`, `2 warnings` and the like. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** A region in 1-based lines and columns, with the end never before the start. */
export interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/**
 * Converts a range to a region that SARIF, GitHub and GitLab accept. Lines and columns below 1
 * become 1, so a finding without a natural position points at line 1, column 1. An end that
 * lies before the start is moved to the start.
 */
export function regionOf(range: Range): Region {
  const startLine = Math.max(1, Math.trunc(range.start.line) || 1);
  const startColumn = Math.max(1, Math.trunc(range.start.column) || 1);
  let endLine = Math.max(1, Math.trunc(range.end.line) || 1);
  let endColumn = Math.max(1, Math.trunc(range.end.column) || 1);
  if (endLine < startLine || (endLine === startLine && endColumn < startColumn)) {
    endLine = startLine;
    endColumn = startColumn;
  }
  return { startLine, startColumn, endLine, endColumn };
}

/** Returns the docs URL of a rule, or undefined for an id that no known rule has. */
export function docsUrlOf(rules: ReadonlyMap<string, AnyRule>, ruleId: string): string | undefined {
  return rules.get(ruleId)?.meta.docsUrl;
}
