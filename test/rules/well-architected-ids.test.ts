import { describe, expect, it } from "vitest";
import rule from "../../rules/well-architected-ids.js";
import { runRules } from "../../src/engine.js";
import { parseThreatModel } from "../../src/parse/model.js";
import { findings, md, runRule, type Finding } from "../helpers.js";

/** Builds a mitigation row (line 5) whose Comments text `comment` starts at column 26. */
function mitigation(comment: string): string {
  return md("## Mitigations", "", "| Mitigation Number | Mitigation | Comments |", "| --- | --- | --- |", `| M-0001 | Enforce MFA | ${comment} |`);
}

function on(messageId: string, message: string, column: number, endColumn: number): Finding {
  return { messageId, message, line: 5, column, endLine: 5, endColumn };
}

describe("well-architected-ids", () => {
  const valid: [string, string, Record<string, unknown>][] = [
    ["references at both ends of their ranges", mitigation("<p>AWS Well-Architected: SEC-01, SEC-11, REL-13, PERF-05, COST-10, OPS-11</p>"), {}],
    ["AWS's own form with a best practice", mitigation("Granting least privilege (SEC03-BP02)"), {}],
    ["the template's placeholder", mitigation("Security pillar (SEC-XX) references"), {}],
    ["a baseline-control ID that contains SEC", mitigation("BSC-SEC-14 applies"), {}],
    ["a reference in a code block", md("```", "SEC-99", "```"), {}],
    ["a pillar added through the option", mitigation("SUS-06 applies"), { pillars: { SUS: 6 } }],
  ];
  it.each(valid)("accepts %s", (_name, text, options) => {
    expect(findings(rule, text, options)).toEqual([]);
  });

  const invalid: [string, string, Record<string, unknown>, Finding[]][] = [
    [
      "a question past the pillar's range",
      mitigation("AWS Well-Architected: SEC-14, REL-14"),
      {},
      [
        on("outOfRange", "Well-Architected reference `SEC-14` is outside the Security pillar's range SEC-01 to SEC-11; fix the question number.", 48, 54),
        on("outOfRange", "Well-Architected reference `REL-14` is outside the Reliability pillar's range REL-01 to REL-13; fix the question number.", 56, 62),
      ],
    ],
    [
      "question zero in AWS's form",
      mitigation("See PERF00-BP01"),
      {},
      [on("outOfRange", "Well-Architected reference `PERF00` is outside the Performance Efficiency pillar's range PERF01 to PERF05; fix the question number.", 30, 36)],
    ],
    [
      "a one-digit question",
      mitigation("Maps to OPS-3"),
      {},
      [on("unpadded", "Well-Architected reference `OPS-3` has a one-digit number; write `OPS-03`.", 34, 39)],
    ],
    [
      "a reference in a paragraph",
      md("Mapped to COST-11."),
      {},
      [{ messageId: "outOfRange", message: "Well-Architected reference `COST-11` is outside the Cost Optimization pillar's range COST-01 to COST-10; fix the question number.", line: 1, column: 11, endLine: 1, endColumn: 18 }],
    ],
    [
      "a range narrowed by the option",
      mitigation("SEC-09"),
      { pillars: { SEC: 8 } },
      [on("outOfRange", "Well-Architected reference `SEC-09` is outside the Security pillar's range SEC-01 to SEC-08; fix the question number.", 26, 32)],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, options, expected) => {
    expect(findings(rule, text, options)).toEqual(expected);
  });

  it("fixes a one-digit question", () => {
    const text = mitigation("Maps to OPS-3");
    const start = text.indexOf("OPS-3");
    expect(runRule(rule, text).map((diagnostic) => diagnostic.fix)).toEqual([{ range: { start, end: start + 5 }, text: "OPS-03" }]);
  });

  it("checks 100 KB of near-miss text in well under 100 ms", () => {
    const model = parseThreatModel(mitigation("SEC-SEC-".repeat(12_000)));
    const started = performance.now();
    runRules(model, [{ rule, severity: "error", options: rule.meta.defaultOptions }]);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it.each([
    ["an empty file", ""],
    ["headings only", md("# Model", "## Threats")],
  ])("finds nothing in %s", (_name, text) => {
    expect(findings(rule, text)).toEqual([]);
  });
});
