import { describe, expect, it } from "vitest";
import rule from "../../rules/cell-values.js";
import { runRules } from "../../src/engine.js";
import { parseThreatModel } from "../../src/parse/model.js";
import { findings, md, runRule, type Finding } from "../helpers.js";

/** Builds a Threats table with one row (line 5): Status, Priority and STRIDE from column 10. */
function threat(status: string, priority: string, stride: string): string {
  return md(
    "## Threats",
    "",
    "| Threat Number | Status | Priority | STRIDE |",
    "| --- | --- | --- | --- |",
    `| T-0001 | ${status} | ${priority} | ${stride} |`,
  );
}

/** Builds an Existing Controls table with one row (line 5). */
function control(type: string, effectiveness: string): string {
  return md("## Existing Controls", "", "| Control Number | Control Type | Effectiveness |", "| --- | --- | --- |", `| EC-0001 | ${type} | ${effectiveness} |`);
}

/** Builds a Residual Threats table with one row (line 5). */
function residual(effort: string, reduction: string): string {
  return md(
    "## Residual Threats",
    "",
    "| Residual Threat Number | Priority | Implementation Effort | Expected Risk Reduction |",
    "| --- | --- | --- | --- |",
    `| RT-0001 | High | ${effort} | ${reduction} |`,
  );
}

/** Builds a finding on line 5 spanning `[column, endColumn)`. */
function on(messageId: string, message: string, column: number, endColumn: number): Finding {
  return { messageId, message, line: 5, column, endLine: 5, endColumn };
}

describe("cell-values", () => {
  const valid: [string, string, Record<string, unknown>][] = [
    ["the template's values", threat("Identified", "Critical", "S"), {}],
    ["several STRIDE letters", threat("Identified", "Low", "T, I, E"), {}],
    ["STRIDE category names", threat("Identified", "Low", "Information Disclosure, Tampering"), {}],
    ["bold values", threat("**Identified**", "**High**", "T"), {}],
    ["ThreatComposer statuses when allowed", threat("In-progress", "Medium", "D"), { statuses: ["Identified", "In-progress", "NoSet"] }],
    ["empty cells when allowed", threat("", "", ""), { allowEmpty: true }],
    ["control values with a note", control("Detective", "Partial (covers 80% of routes)"), {}],
    ["effort with a duration", residual("Medium (2-3 weeks)", "High to Low"), {}],
    ["effort with a bound", residual("Low (< 1 week)", "Critical to Medium (after MFA)"), {}],
    ["an unchanged risk level", residual("High", "Medium to Medium"), {}],
  ];
  it.each(valid)("accepts %s", (_name, text, options) => {
    expect(findings(rule, text, options)).toEqual([]);
  });

  const invalid: [string, string, Record<string, unknown>, Finding[]][] = [
    [
      "values in the wrong case",
      threat("identified", "HIGH", "t, e"),
      {},
      [
        on("wrongForm", "Status value `identified` differs from the allowed `Identified` in case, spacing or separators; write `Identified`.", 12, 22),
        on("wrongForm", "Priority value `HIGH` differs from the allowed `High` in case, spacing or separators; write `High`.", 25, 29),
        on("wrongForm", "STRIDE value `t, e` differs from the allowed `T, E` in case, spacing or separators; write `T, E`.", 32, 36),
      ],
    ],
    [
      "a STRIDE list with other separators",
      threat("Identified", "High", "T/E"),
      {},
      [on("wrongForm", "STRIDE value `T/E` differs from the allowed `T, E` in case, spacing or separators; write `T, E`.", 32, 35)],
    ],
    [
      "values outside the lists",
      threat("Open", "Urgent", "X"),
      {},
      [
        on("notAllowed", "Status value `Open` is not allowed; write `Identified`.", 12, 16),
        on("notAllowed", "Priority value `Urgent` is not allowed; write `Critical`, `High`, `Medium` or `Low`.", 19, 25),
        on("notAllowed", "STRIDE value `X` is not allowed; write STRIDE letters (S, T, R, I, D, E) or category names, separated by `, `.", 28, 29),
      ],
    ],
    [
      "empty cells",
      threat("", "", ""),
      {},
      [
        on("empty", "Status of `T-0001` is empty; write `Identified`.", 11, 13),
        on("empty", "Priority of `T-0001` is empty; write `Critical`, `High`, `Medium` or `Low`.", 14, 16),
        on("empty", "STRIDE of `T-0001` is empty; write STRIDE letters (S, T, R, I, D, E) or category names, separated by `, `.", 17, 19),
      ],
    ],
    [
      "a combined control type",
      control("Detective/Preventive", "Partial"),
      {},
      [on("notAllowed", "Control Type value `Detective/Preventive` is not allowed; write `Preventive`, `Detective` or `Corrective`.", 13, 33)],
    ],
    [
      "effectiveness in the wrong case, note kept",
      control("Preventive", "partial (MFA optional)"),
      {},
      [
        on(
          "wrongForm",
          "Effectiveness value `partial (MFA optional)` differs from the allowed `Partial (MFA optional)` in case, spacing or separators; write `Partial (MFA optional)`.",
          26,
          48,
        ),
      ],
    ],
    [
      "an effort note that is not a duration",
      residual("Low (documentation change)", "High to Low"),
      {},
      [
        on(
          "notAllowed",
          "Implementation Effort value `Low (documentation change)` is not allowed; write `Low`, `Medium` or `High`, optionally followed by a duration in brackets such as `(1-2 weeks)`.",
          20,
          46,
        ),
      ],
    ],
    [
      "the template's own risk-reduction example",
      residual("Low (1 week)", "High (reduces risk from High to Low)"),
      {},
      [
        on(
          "riskForm",
          "Expected Risk Reduction value `High (reduces risk from High to Low)` does not start with `<current level> to <expected level>`; write it as, e.g., `High to Low`.",
          35,
          71,
        ),
      ],
    ],
    [
      "a risk level that rises",
      residual("Low", "Low to High"),
      {},
      [on("notReduction", "Expected Risk Reduction value `Low to High` raises the risk; the expected level must be at or below the current one.", 26, 37)],
    ],
    [
      "a risk reduction in the wrong case",
      residual("Low", "high to low, after MFA"),
      {},
      [
        on(
          "wrongForm",
          "Expected Risk Reduction value `high to low, after MFA` differs from the allowed `High to Low, after MFA` in case, spacing or separators; write `High to Low, after MFA`.",
          26,
          48,
        ),
      ],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, options, expected) => {
    expect(findings(rule, text, options)).toEqual(expected);
  });

  it("fixes a plain value and leaves a bold one to the author", () => {
    const text = threat("identified", "**HIGH**", "T");
    const fixes = runRule(rule, text).map((diagnostic) => diagnostic.fix);
    const start = text.indexOf("identified");
    expect(fixes).toEqual([{ range: { start, end: start + "identified".length }, text: "Identified" }, undefined]);
  });

  it("checks a 100 KB STRIDE cell in well under 100 ms", () => {
    const model = parseThreatModel(threat("Identified", "High", "T/".repeat(50_000)));
    const started = performance.now();
    runRules(model, [{ rule, severity: "error", options: rule.meta.defaultOptions }]);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it.each([
    ["an empty file", ""],
    ["a header-only table", md("## Threats", "", "| Threat Number | Priority |", "| --- | --- |")],
    ["a table without enumerated columns", md("## Threats", "", "| Threat Number | Threat |", "| --- | --- |", "| T-0001 | A thief |")],
  ])("finds nothing in %s", (_name, text) => {
    expect(findings(rule, text)).toEqual([]);
  });
});
