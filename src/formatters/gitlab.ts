/**
 * The `gitlab` format: a GitLab Code Quality report (a subset of the Code Climate issue
 * format). Paths are relative to the repository root (`CI_PROJECT_DIR`, `GITHUB_WORKSPACE` or
 * the working directory) with forward slashes, as GitLab matches them against the diff.
 *
 * The fingerprint identifies a finding across pipelines, so that GitLab can tell new findings
 * from fixed ones. It hashes the path, rule id, message and the finding's occurrence number
 * among identical ones in that file, but not the line: adding a line above a finding does not
 * make it look new.
 */

import { createHash } from "node:crypto";
import { toSafeJson, toWellFormed } from "./escape.js";
import { absolutePath, relativePath, sourceRoot } from "./paths.js";
import { problemsOf, regionOf } from "./problems.js";
import type { Formatter } from "./types.js";

/** GitLab's severities are info, minor, major, critical and blocker. */
const SEVERITIES = { error: "major", warning: "minor" } as const;
const FATAL_SEVERITY = "critical";

export interface CodeQualityIssue {
  type: "issue";
  check_name: string;
  description: string;
  severity: "info" | "minor" | "major" | "critical" | "blocker";
  fingerprint: string;
  location: { path: string; lines: { begin: number; end: number } };
}

function fingerprint(parts: readonly string[]): string {
  // NUL separates the parts, so that ("a b", "c") and ("a", "b c") hash differently.
  return createHash("sha256").update(toWellFormed(parts.join("\u0000")), "utf8").digest("hex");
}

const gitlab: Formatter = (results, context) => {
  const root = sourceRoot(context);
  const issues: CodeQualityIssue[] = [];

  for (const result of results) {
    const absolute = absolutePath(result.filePath, context.cwd);
    const path = relativePath(absolute, root) ?? absolute.replaceAll("\\", "/");
    const occurrences = new Map<string, number>();

    const problems = problemsOf(result);
    // problemsOf puts the diagnostic for an unreadable file first.
    const fatal = result.fatal !== undefined ? problems[0] : undefined;

    for (const problem of problems) {
      const key = `${problem.ruleId}\u0000${problem.message}`;
      const occurrence = (occurrences.get(key) ?? 0) + 1;
      occurrences.set(key, occurrence);

      const region = regionOf(problem.range);
      issues.push({
        type: "issue",
        check_name: problem.ruleId,
        description: problem.message,
        severity: problem === fatal ? FATAL_SEVERITY : SEVERITIES[problem.severity],
        fingerprint: fingerprint([path, problem.ruleId, problem.message, String(occurrence)]),
        location: { path, lines: { begin: region.startLine, end: region.endLine } },
      });
    }
  }

  return `${toSafeJson(issues)}\n`;
};

export default gitlab;
