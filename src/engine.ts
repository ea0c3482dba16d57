/**
 * The lint engine: runs resolved rules over a model, checks each report, and turns a rule's
 * exception into a diagnostic so that one faulty rule cannot stop the run.
 */

import type {
  AnyRule,
  Diagnostic,
  FileReader,
  LintResult,
  Point,
  Range,
  ReportDescriptor,
  RuleSetting,
  Severity,
  TcJsonDocument,
  ThreatModel,
} from "./types.js";
import { formatMessage } from "./rule.js";

/** A rule ready to run: its severity and its options with defaults applied. */
export interface ResolvedRule {
  rule: AnyRule;
  severity: Severity;
  options: Record<string, unknown>;
}

/** Raised for a configuration or usage mistake; the CLI prints the message and exits with 2. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Resolves a table of rule settings against the registry. Unknown ids and invalid options
 * raise a ConfigError; options are merged over the rule's defaults.
 */
export function resolveRules(
  settings: Record<string, RuleSetting>,
  registry: ReadonlyMap<string, AnyRule>,
  validate?: (rule: AnyRule, options: unknown, where: string) => void,
): ResolvedRule[] {
  const resolved: ResolvedRule[] = [];
  for (const [id, setting] of Object.entries(settings)) {
    const rule = registry.get(id);
    if (!rule) throw new ConfigError(`Unknown rule \`${id}\`; run \`tmlint rules\` to list the rule ids.`);
    const [level, options] = Array.isArray(setting) ? setting : [setting, undefined];
    if (level !== "off" && level !== "warn" && level !== "error") {
      throw new ConfigError(`rules.${id}: severity \`${String(level)}\` is not allowed; use "off", "warn" or "error".`);
    }
    if (level === "off") continue;
    if (options !== undefined) validate?.(rule, options, `rules.${id}[1]`);
    resolved.push({
      rule,
      severity: level === "warn" ? "warning" : "error",
      options: { ...(rule.meta.defaultOptions as object), ...(options ?? {}) },
    });
  }
  return resolved;
}

/** What the engine may give rules besides the file itself. */
export interface RunEnvironment {
  /** File access for rules that compare two files, such as `tc-json-companion`. */
  readFile?: FileReader;
}

/**
 * Runs rules over a Markdown model and returns their diagnostics sorted by position. Rules
 * whose `meta.language` is `tc-json` are skipped.
 */
export function runRules(model: ThreatModel, rules: readonly ResolvedRule[], environment: RunEnvironment = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const resolved of rules) {
    if (resolved.rule.meta.language === "tc-json") continue;
    const report = reporter(resolved, model, diagnostics);
    try {
      resolved.rule.check({
        model,
        options: resolved.options,
        severity: resolved.severity,
        report,
        ...(environment.readFile ? { readFile: environment.readFile } : {}),
      });
    } catch (error) {
      diagnostics.push(ruleFailure(resolved.rule.meta.id, error));
    }
  }
  return sortDiagnostics(diagnostics);
}

/**
 * Runs rules over a ThreatComposer file and returns their diagnostics sorted by position.
 * Only rules with a `checkJson` run: the `tc-json` rules and rules that check both kinds of file.
 */
export function runJsonRules(json: TcJsonDocument, rules: readonly ResolvedRule[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const resolved of rules) {
    const checkJson = resolved.rule.checkJson;
    if (checkJson === undefined) continue;
    const report = reporter(resolved, json, diagnostics);
    try {
      checkJson({ json, options: resolved.options, severity: resolved.severity, report });
    } catch (error) {
      diagnostics.push(ruleFailure(resolved.rule.meta.id, error));
    }
  }
  return sortDiagnostics(diagnostics);
}

/** The source a report's range points into: its text and how to turn offsets into positions. */
interface ReportTarget {
  text: string;
  pointAt(offset: number): Point;
}

/** Makes the `report` function for one rule: checks the message id and keeps ranges inside the file. */
function reporter(
  { rule, severity }: ResolvedRule,
  target: ReportTarget,
  diagnostics: Diagnostic[],
): (descriptor: ReportDescriptor<string>) => void {
  const messages = rule.meta.messages as Record<string, string>;
  const textEnd = target.text.length;
  return (descriptor) => {
    const template = messages[descriptor.messageId];
    if (template === undefined) {
      throw new Error(`reported unknown message id \`${descriptor.messageId}\``);
    }
    const diagnostic: Diagnostic = {
      ruleId: rule.meta.id,
      severity,
      message: formatMessage(template, descriptor.data),
      messageId: descriptor.messageId,
      range: clampRange(target, descriptor.range, textEnd),
    };
    if (descriptor.related && descriptor.related.length > 0) {
      diagnostic.related = descriptor.related.map((related) => ({
        ...related,
        range: related.filePath === undefined ? clampRange(target, related.range, textEnd) : related.range,
      }));
    }
    if (descriptor.fix) diagnostic.fix = descriptor.fix;
    diagnostics.push(diagnostic);
  };
}

/** The diagnostic that stands for a rule that threw. */
export function ruleFailure(ruleId: string, error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ruleId,
    severity: "error",
    message: `Rule \`${ruleId}\` failed on this file: ${reason}. Please report this with the file that caused it.`,
    range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
  };
}

/** Keeps a reported range inside the file and makes sure it does not end before it starts. */
function clampRange(target: ReportTarget, range: Range, textEnd: number): Range {
  const startOffset = Math.max(0, Math.min(range.start.offset, textEnd));
  const endOffset = Math.max(startOffset, Math.min(range.end.offset, textEnd));
  if (startOffset === range.start.offset && endOffset === range.end.offset) return range;
  return { start: target.pointAt(startOffset), end: target.pointAt(endOffset) };
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.column - b.range.start.column ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.message.localeCompare(b.message),
  );
}

/**
 * The result for a file the parser could not read at all, such as text nested so deeply that
 * it overflows the call stack. The file is named by the caller and the other files go on.
 */
export function unparsableResult(filePath: string, error: unknown): LintResult {
  const reason = error instanceof RangeError && /call stack/i.test(error.message)
    ? "it is nested too deeply to parse (maximum call stack size exceeded)"
    : `parsing failed: ${error instanceof Error ? error.message : String(error)}`;
  return { filePath, diagnostics: [], errorCount: 0, warningCount: 0, fatal: `cannot be linted: ${reason}` };
}

/** Counts errors and warnings into a result. */
export function toResult(filePath: string, diagnostics: Diagnostic[], source?: string): LintResult {
  let errorCount = 0;
  let warningCount = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === "error") errorCount++;
    else warningCount++;
  }
  const result: LintResult = { filePath, diagnostics, errorCount, warningCount };
  if (source !== undefined) result.source = source;
  return result;
}
