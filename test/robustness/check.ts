/**
 * The invariants every lint result must keep, whatever the input: no exception, no rule
 * failure, every range inside the file with its line and column matching its offset, and a
 * start no later than its end. Rules are wrapped so that their raw reports are checked too,
 * before the engine clamps them.
 */

import type { ResolvedConfig } from "../../src/config/types.js";
import { lintText } from "../../src/lint.js";
import { stripBom } from "../../src/parse/text.js";
import { ruleRegistry } from "../../rules/index.js";
import type { AnyRule, Diagnostic, LintResult, Range, ReportDescriptor } from "../../src/types.js";

/** A raw report, as a rule passed it to `report`. */
export interface RawReport {
  ruleId: string;
  descriptor: ReportDescriptor<string>;
}

/** Returns a configuration of every Markdown rule at `error`, each wrapped to record its raw reports. */
export function allRulesConfig(raw: RawReport[]): ResolvedConfig {
  const registry = new Map<string, AnyRule>();
  const rules: ResolvedConfig["rules"] = {};
  for (const [id, rule] of ruleRegistry) {
    if (rule.meta.language === "tc-json") continue;
    registry.set(id, {
      ...rule,
      check: (context) =>
        rule.check({
          ...context,
          report: (descriptor) => {
            raw.push({ ruleId: id, descriptor });
            context.report(descriptor);
          },
        }),
    } as AnyRule);
    rules[id] = "error";
  }
  return { configFile: undefined, rules, sections: {}, columns: {}, plugins: [], reportUnusedDisableDirectives: "warn", registry };
}

/** Offsets of the first character of each line, split at CRLF, CR and LF as micromark splits. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 13 && text.charCodeAt(index + 1) === 10) index++;
    if (code === 13 || code === 10) starts.push(index + 1);
  }
  return starts;
}

/** Describes what is wrong with a range in `text`, or returns undefined when it is sound. */
export function rangeProblem(text: string, starts: readonly number[], range: Range): string | undefined {
  for (const [name, point] of [["start", range.start], ["end", range.end]] as const) {
    if (!Number.isInteger(point.offset) || point.offset < 0 || point.offset > text.length) {
      return `${name} offset ${point.offset} lies outside 0..${text.length}`;
    }
    if (!Number.isInteger(point.line) || point.line < 1 || point.line > starts.length) {
      return `${name} line ${point.line} lies outside 1..${starts.length}`;
    }
    const lineStart = starts[point.line - 1] as number;
    const nextStart = starts[point.line] ?? text.length + 1;
    if (point.offset < lineStart || point.offset >= Math.max(nextStart, lineStart + 1)) {
      return `${name} offset ${point.offset} is not on line ${point.line}`;
    }
    if (point.column !== point.offset - lineStart + 1) {
      return `${name} column ${point.column} does not match offset ${point.offset} (expected ${point.offset - lineStart + 1})`;
    }
  }
  if (range.start.offset > range.end.offset) return `start offset ${range.start.offset} is after end offset ${range.end.offset}`;
  return undefined;
}

/** The outcome of linting one text with every rule: the result, and every broken invariant. */
export interface CheckedLint {
  result: LintResult;
  problems: string[];
}

const RULE_FAILURE = /^Rule `[^`]+` failed on this file: /;

/** Lints `input` with every Markdown rule and lists every broken invariant. */
export function lintAndCheck(input: string, filePath = "fuzz.md"): CheckedLint {
  const raw: RawReport[] = [];
  const result = lintText(input, { filePath, config: allRulesConfig(raw) });
  const { text } = stripBom(input);
  const starts = lineStarts(text);
  const problems: string[] = [];

  const checkDiagnostic = (diagnostic: Diagnostic): void => {
    if (RULE_FAILURE.test(diagnostic.message)) problems.push(`${diagnostic.ruleId} threw: ${diagnostic.message}`);
    const problem = rangeProblem(text, starts, diagnostic.range);
    if (problem) problems.push(`${diagnostic.ruleId}: reported range ${problem}`);
    for (const related of diagnostic.related ?? []) {
      if (related.filePath !== undefined) continue;
      const relatedProblem = rangeProblem(text, starts, related.range);
      if (relatedProblem) problems.push(`${diagnostic.ruleId}: related range ${relatedProblem}`);
    }
  };
  result.diagnostics.forEach(checkDiagnostic);

  for (const { ruleId, descriptor } of raw) {
    const problem = rangeProblem(text, starts, descriptor.range);
    if (problem) problems.push(`${ruleId}: raw report range ${problem}`);
  }
  return { result, problems };
}

/** A result reduced to what must not change between runs: the findings and their counts. */
export function findingsOf(result: LintResult): unknown {
  return {
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    diagnostics: result.diagnostics.map(({ ruleId, severity, message, range, related }) => ({ ruleId, severity, message, range, related })),
  };
}

/** The long mode's multiplier of case counts: `TMLINT_FUZZ_SCALE` (`npm run fuzz` sets 40), else 1. */
export const FUZZ_SCALE = ((): number => {
  const fromEnvironment = Number(process.env.TMLINT_FUZZ_SCALE);
  return Number.isFinite(fromEnvironment) && fromEnvironment > 0 ? fromEnvironment : 1;
})();

/** True in the long mode, which also runs the slow hostile inputs and longer adversarial lines. */
export const LONG_MODE = process.env.TMLINT_FUZZ_SCALE !== undefined;

/** Returns the number of cases a property runs: `normal` times `FUZZ_SCALE`. */
export function caseCount(normal: number): number {
  return Math.ceil(normal * FUZZ_SCALE);
}
