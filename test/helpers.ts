/**
 * Test helpers: run one rule over Markdown and compare its findings in a compact form.
 */

import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runRules } from "../src/engine.js";
import { parseThreatModel } from "../src/parse/model.js";
import type { AnyRule, Diagnostic, Severity } from "../src/types.js";

/** A finding as tests compare it: message id, message and full start/end position. */
export interface Finding {
  messageId: string | undefined;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function toFinding(diagnostic: Diagnostic): Finding {
  return {
    messageId: diagnostic.messageId,
    message: diagnostic.message,
    line: diagnostic.range.start.line,
    column: diagnostic.range.start.column,
    endLine: diagnostic.range.end.line,
    endColumn: diagnostic.range.end.column,
  };
}

/** Runs a single rule over Markdown with options merged over the rule's defaults. */
export function runRule(rule: AnyRule, markdown: string, options: Record<string, unknown> = {}, severity: Severity = "error"): Diagnostic[] {
  const model = parseThreatModel(markdown, { filePath: "test.md" });
  return runRules(model, [{ rule, severity, options: { ...(rule.meta.defaultOptions as object), ...options } }]);
}

/** Runs a single rule and returns compact findings. */
export function findings(rule: AnyRule, markdown: string, options: Record<string, unknown> = {}): Finding[] {
  return runRule(rule, markdown, options).map(toFinding);
}

/** Joins lines with LF, so that test documents read as Markdown. */
export function md(...lines: string[]): string {
  return lines.join("\n") + "\n";
}

const here = dirname(fileURLToPath(import.meta.url));

/** The repository root. */
export const repoRoot = resolve(here, "..");

/** The shared corpus beside the repository, or undefined when it is absent (tests then skip). */
export const corpusDir: string | undefined = (() => {
  const dir = resolve(repoRoot, "..", "shared", "corpus");
  return existsSync(dir) ? dir : undefined;
})();

/** The shared spec folder beside the repository, or undefined when it is absent. */
export const specDir: string | undefined = (() => {
  const dir = resolve(repoRoot, "..", "shared", "spec");
  return existsSync(dir) ? dir : undefined;
})();

export const CORPUS_SKIP_REASON = "../shared/corpus is absent; corpus tests run where it sits beside the repository";
