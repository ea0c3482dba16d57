/**
 * The `json` format: an array with one object per linted file and its diagnostics. The shape
 * is published as `schemas/report.schema.json`; change both together.
 */

import type { Diagnostic, LintResult } from "../types.js";
import { toSafeJson } from "./escape.js";
import { absolutePath } from "./paths.js";
import { docsUrlOf, regionOf } from "./problems.js";
import type { Formatter, FormatterContext } from "./types.js";

export interface ReportPosition {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ReportRelatedLocation extends ReportPosition {
  message: string;
  /** Absolute path of another file; absent when the location is in the same file. */
  filePath?: string;
}

export interface ReportDiagnostic extends ReportPosition {
  ruleId: string;
  severity: "error" | "warning";
  message: string;
  messageId?: string;
  docsUrl?: string;
  related?: ReportRelatedLocation[];
  fix?: { range: { start: number; end: number }; text: string };
}

export interface ReportFile {
  filePath: string;
  errorCount: number;
  warningCount: number;
  /** The reason the file could not be read or parsed; its diagnostics are then empty. */
  fatal?: string;
  diagnostics: ReportDiagnostic[];
}

function positionOf(range: Diagnostic["range"]): ReportPosition {
  const region = regionOf(range);
  return { line: region.startLine, column: region.startColumn, endLine: region.endLine, endColumn: region.endColumn };
}

function toReportDiagnostic(diagnostic: Diagnostic, context: FormatterContext): ReportDiagnostic {
  const entry: ReportDiagnostic = {
    ruleId: diagnostic.ruleId,
    severity: diagnostic.severity,
    message: diagnostic.message,
    ...(diagnostic.messageId !== undefined ? { messageId: diagnostic.messageId } : {}),
    ...positionOf(diagnostic.range),
  };
  const docsUrl = docsUrlOf(context.rules, diagnostic.ruleId);
  if (docsUrl !== undefined) entry.docsUrl = docsUrl;
  if (diagnostic.related && diagnostic.related.length > 0) {
    entry.related = diagnostic.related.map((related) => {
      const location: ReportRelatedLocation = { message: related.message, ...positionOf(related.range) };
      if (related.filePath !== undefined) location.filePath = absolutePath(related.filePath, context.cwd);
      return location;
    });
  }
  if (diagnostic.fix) {
    entry.fix = { range: { start: diagnostic.fix.range.start, end: diagnostic.fix.range.end }, text: diagnostic.fix.text };
  }
  return entry;
}

/** Builds the report objects; exported for the programmatic API and the schema test. */
export function toReport(results: readonly LintResult[], context: FormatterContext): ReportFile[] {
  return results.map((result) => {
    return {
      filePath: absolutePath(result.filePath, context.cwd),
      errorCount: result.errorCount,
      warningCount: result.warningCount,
      ...(result.fatal !== undefined ? { fatal: result.fatal } : {}),
      diagnostics: result.diagnostics.map((diagnostic) => toReportDiagnostic(diagnostic, context)),
    };
  });
}

const json: Formatter = (results, context) => `${toSafeJson(toReport(results, context))}\n`;

export default json;
