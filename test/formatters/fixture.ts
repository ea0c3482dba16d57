/**
 * The fixed results every formatter test formats. The messages carry a line break, `%`, a
 * comma, a colon, `::` at the start of a line, control characters and runs of spaces. The
 * files include spaces and `#` in a name, a Windows path, a file outside the working
 * directory and an unreadable file, and one finding has no natural position.
 */

import { defineRule } from "../../src/rule.js";
import type { AnyRule, Diagnostic, LintResult, Range } from "../../src/types.js";
import type { FormatterContext } from "../../src/formatters/types.js";

/** Makes a range; offsets are not used by formatters except in fixes, so they stay 0. */
export function range(line: number, column: number, endLine = line, endColumn = column): Range {
  return { start: { line, column, offset: 0 }, end: { line: endLine, column: endColumn, offset: 0 } };
}

function rule(id: string, description: string, defaultSeverity: "error" | "warning"): AnyRule {
  return defineRule({
    meta: { id, description, defaultSeverity, schema: {}, defaultOptions: {}, messages: {} },
    check() {},
  });
}

/** Rule metadata for the tests, fixed so that golden files do not change with the real rules. */
export const fixtureRules: ReadonlyMap<string, AnyRule> = new Map(
  [
    rule("id-unique", "Disallow IDs that are defined more than once.", "error"),
    rule("section-order", "Require sections in template order.", "warning"),
    rule("xref-target-exists", "Require cross-references to point at defined IDs.", "error"),
    rule("section-required", "Require the template's sections.", "error"),
  ].map((entry) => [entry.meta.id, entry]),
);

function result(filePath: string, diagnostics: Diagnostic[], fatal?: string): LintResult {
  const errorCount = diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
  const entry: LintResult = { filePath, diagnostics, errorCount, warningCount: diagnostics.length - errorCount };
  if (fatal !== undefined) entry.fatal = fatal;
  return entry;
}

export const CWD = "/work/repo";

export const fixtureResults: LintResult[] = [
  result("/work/repo/docs/threat models/pay#1.md", [
    {
      ruleId: "section-required",
      severity: "error",
      message: "Section `Threats` is missing; add a `## Threats` heading.",
      // No natural position: the engine may hand over line 0, column 0.
      range: range(0, 0),
    },
    {
      ruleId: "id-unique",
      severity: "error",
      message: "Threat ID `T-0001` is already defined at line 4; give this row its own ID.",
      messageId: "duplicate",
      range: range(12, 3, 12, 9),
      related: [{ message: "First defined here.", range: range(4, 3, 4, 9) }],
      fix: { range: { start: 210, end: 216 }, text: "T-0002" },
    },
    {
      ruleId: "section-order",
      severity: "warning",
      message: "Section `Threats: 100%, all tenants` comes after `Mitigations`; move it above.",
      range: range(20, 1, 20, 38),
    },
    {
      ruleId: "xref-target-exists",
      severity: "error",
      message: "Link target `quota\n::warning file=README.md::injected` is not defined; add it or fix the link.",
      range: range(31, 5, 32, 40),
    },
    {
      ruleId: "xref-target-exists",
      severity: "error",
      message: "Link target `\u001b[2J\u001b[31mred\r\u0007\u009b` is not defined;  add it  or fix the link.",
      range: range(40, 7, 40, 30),
    },
  ]),
  result("docs/tm.md", [
    {
      ruleId: "section-order",
      severity: "warning",
      message: "Section `Assets` comes after `Threats`; move it above.",
      range: range(3, 1, 3, 10),
      related: [{ message: "Threats section.", range: range(9, 1, 9, 12), filePath: "docs/other.md" }],
    },
  ]),
  result("/work/repo/notes/a,b: c.md", [
    { ruleId: "id-unique", severity: "error", message: "Threat ID `T-9` is already defined at line 2; give this row its own ID.", range: range(5, 1, 5, 4) },
  ]),
  result("C:\\work\\repo\\docs\\win.md", [
    { ruleId: "section-order", severity: "warning", message: "Section `Assets` comes after `Threats`; move it above.", range: range(7, 2, 7, 9) },
  ]),
  result("/elsewhere/outside.md", [
    { ruleId: "id-unique", severity: "error", message: "Threat ID `T-3` is already defined at line 1; give this row its own ID.", range: range(2, 1, 2, 5) },
  ]),
  result("/work/repo/clean.md", []),
  result("/work/repo/locked.md", [], "cannot be read: EACCES: permission denied"),
];

/** Builds the context the golden outputs were made with. */
export function fixtureContext(overrides: Partial<FormatterContext> = {}): FormatterContext {
  return { cwd: CWD, color: false, rules: fixtureRules, version: "1.2.3", env: {}, ...overrides };
}
