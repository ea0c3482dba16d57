/**
 * Test helpers for ThreatComposer JSON rules: run one rule over JSON text and compare its
 * findings with the source text each one covers.
 */

import { runJsonRules } from "../../src/engine.js";
import { parseTcJson } from "../../src/tcjson/document.js";
import type { AnyRule, Diagnostic } from "../../src/types.js";

/** A finding with its full position and the source text its range covers. */
export interface JsonFinding {
  messageId: string | undefined;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The source between the start and end of the range. */
  source: string;
}

export function toJsonFinding(diagnostic: Diagnostic, text: string): JsonFinding {
  return {
    messageId: diagnostic.messageId,
    message: diagnostic.message,
    line: diagnostic.range.start.line,
    column: diagnostic.range.start.column,
    endLine: diagnostic.range.end.line,
    endColumn: diagnostic.range.end.column,
    source: text.slice(diagnostic.range.start.offset, diagnostic.range.end.offset),
  };
}

/** Runs one tc-json rule over text with its default options. */
export function runJsonRule(rule: AnyRule, text: string, options: Record<string, unknown> = {}): Diagnostic[] {
  const json = parseTcJson(text, "test.tc.json");
  return runJsonRules(json, [{ rule, severity: rule.meta.defaultSeverity, options: { ...(rule.meta.defaultOptions as object), ...options } }]);
}

/** Runs one tc-json rule and returns compact findings. */
export function jsonFindings(rule: AnyRule, text: string, options: Record<string, unknown> = {}): JsonFinding[] {
  // Offsets index the text after a leading BOM.
  const source = text.replace(/^\uFEFF/, "");
  return runJsonRule(rule, text, options).map((diagnostic) => toJsonFinding(diagnostic, source));
}

/** Writes a value as ThreatComposer does: two-space indentation. */
export function tcJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** Makes a UUID-shaped ID of 36 characters that ends in `n`, for links and workspaces. */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
}
