import { describe, expect, it } from "vitest";
import rule, { hasQuantity } from "../../rules/threat-quantified-impact.js";
import { runRules } from "../../src/engine.js";
import { parseThreatModel } from "../../src/parse/model.js";
import { findings, md, type Finding } from "../helpers.js";

/** Builds a Threats table with one row (line 5) whose Threat cell, the row's last, is `statement`. */
function threat(statement: string): string {
  return md("## Threats", "", "| Threat Number | Threat |", "| --- | --- |", `| T-0001 | ${statement} |`);
}

const message = (impact: string): string =>
  `Threat \`T-0001\` states no number in \`${impact}\`; quantify the impact with a number and what it measures, e.g. a count (\`1,000 records\`), a percentage (\`30% of users\`), an amount (\`85 USD\`) or a duration (\`24 hours\`).`;

describe("threat-quantified-impact", () => {
  it.each([
    ["a count", "A thief can open 12 lockers"],
    ["a number with separators", "costing 1,000,000 USD"],
    ["a percentage in brackets", "affecting many users (30%)."],
    ["an amount", "refunds of $85 each"],
    ["a range", "lasting 2-3 weeks"],
    ["a duration with a unit", "an outage of 24h"],
    ["a number word", "across thousands of parcels"],
    ["a spelled-out count", "for two days"],
  ])("accepts %s", (_name, statement) => {
    expect(findings(rule, threat(statement))).toEqual([]);
  });

  // The message quotes the impact clause, or the whole statement when it has none.
  const invalid: [string, string, string][] = [
    ["no number at all", "An attacker can read the logs", "An attacker can read the logs"],
    ["figures only inside inline code", "An attacker can run `rm -rf /tmp/1` on the host", "An attacker can run rm -rf /tmp/1 on the host"],
    [
      "figures only inside identifiers and IDs",
      "An attacker can bypass t146 and ADR-003 on python:3.9, see T-0002",
      "An attacker can bypass t146 and ADR-003 on python:3.9, see T-0002",
    ],
    ["the word one", "An attacker can take over one account", "An attacker can take over one account"],
    [
      "an unquantified impact clause",
      "A tenant who has a session can read another tenant's records, which leads to a data leak, resulting in reduced privacy",
      "which leads to a data leak, resulting in reduced privacy",
    ],
    ["an impact without `which leads to`", "An insider can delete backups, resulting in data loss", "resulting in data loss"],
    [
      "a long statement, cut short",
      "An attacker can read logs, which leads to the disclosure of personal details of customers and staff, resulting in fines and lost trust",
      "which leads to the disclosure of personal details of customers and staff,…",
    ],
  ];
  it.each(invalid)("reports %s", (_name, statement, impact) => {
    const expected: Finding[] = [
      { messageId: "unquantified", message: message(impact), line: 5, column: 12, endLine: 5, endColumn: 12 + statement.length },
    ];
    expect(findings(rule, threat(statement))).toEqual(expected);
  });

  it("reads figures after an evidence prefix", () => {
    expect(findings(rule, threat("**Found in repo**: `src/a.ts` Line 4 - An attacker can read 40 logs"))).toEqual([]);
  });

  it("tells figures from identifiers", () => {
    expect([hasQuantity("5600 compartments"), hasQuantity("SEC-03"), hasQuantity("v1"), hasQuantity("1.5x faster")]).toEqual([true, false, false, true]);
  });

  it("checks a 100 KB run of dots in well under 100 ms", () => {
    const model = parseThreatModel(threat(`${".".repeat(100_000)}a`));
    const started = performance.now();
    const diagnostics = runRules(model, [{ rule, severity: "error", options: {} }]);
    expect(performance.now() - started).toBeLessThan(100);
    expect(diagnostics).toHaveLength(1);
  });

  it.each([
    ["an empty file", ""],
    ["a header-only table", md("## Threats", "", "| Threat Number | Threat |", "| --- | --- |")],
    ["an empty Threat cell", threat("")],
  ])("finds nothing in %s", (_name, text) => {
    expect(findings(rule, text)).toEqual([]);
  });
});

describe("threat-quantified-impact evidence locators", () => {
  it("does not count the line number of an evidence locator", () => {
    const text = md(
      "## Threats",
      "",
      "| Threat Number | Threat |",
      "| --- | --- |",
      "| T-0001 | **Found in repo**: `src/a.ts` Line 64 - An attacker who can read logs can copy tokens, which leads to account takeover, resulting in fraud |",
    );
    expect(findings(rule, text).map((finding) => finding.messageId)).toEqual(["unquantified"]);
  });
});
