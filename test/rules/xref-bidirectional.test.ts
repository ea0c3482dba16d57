import { describe, expect, it } from "vitest";
import rule from "../../rules/xref-bidirectional.js";
import { findings, md, type Finding } from "../helpers.js";

const oneWay = (source: string, target: string, column: string, backColumn: string): string =>
  `\`${source}\` links \`${target}\` in \`${column}\`, but \`${target}\` does not link \`${source}\` back in \`${backColumn}\`; add the link there or remove this one.`;

const link = (id: string): string => `[**${id}**](#${id})`;

/** Builds a document with one assumption, one threat and one mitigation, linked as given. */
function document(links: { threat?: string[]; mitigation?: string[]; assumption?: string[] }): string {
  const cell = (ids: string[] | undefined, prefix: string): string =>
    (ids ?? []).filter((id) => id.startsWith(prefix)).map(link).join("<br/>");
  return md(
    "## Assumptions",
    "",
    "| Assumption Number | Assumption | Linked Threats | Linked Mitigations |",
    "| --- | --- | --- | --- |",
    `| A-0001 | TLS everywhere | ${cell(links.assumption, "T-")} | ${cell(links.assumption, "M-")} |`,
    "",
    "## Threats",
    "",
    "| Threat Number | Threat | Mitigations | Assumptions |",
    "| --- | --- | --- | --- |",
    `| T-0001 | Replay | ${cell(links.threat, "M-")} | ${cell(links.threat, "A-")} |`,
    "",
    "## Mitigations",
    "",
    "| Mitigation Number | Mitigation | Threats Mitigating | Assumptions |",
    "| --- | --- | --- | --- |",
    `| M-0001 | Nonces | ${cell(links.mitigation, "T-")} | ${cell(links.mitigation, "A-")} |`,
  );
}

describe("xref-bidirectional", () => {
  const valid: [string, string][] = [
    ["no links", document({})],
    ["a threat and a mitigation linked both ways", document({ threat: ["M-0001"], mitigation: ["T-0001"] })],
    ["a threat and an assumption linked both ways", document({ threat: ["A-0001"], assumption: ["T-0001"] })],
    ["a mitigation and an assumption linked both ways", document({ mitigation: ["A-0001"], assumption: ["M-0001"] })],
    ["every pair linked both ways", document({ threat: ["M-0001", "A-0001"], mitigation: ["T-0001", "A-0001"], assumption: ["T-0001", "M-0001"] })],
    // A link to a missing entity is xref-target-exists's finding.
    ["a link to a missing mitigation", document({ threat: ["M-0009"] })],
    // A threats-only export has no Mitigations table to mirror the link.
    ["a link into a table without the mirrored column", md(
      "## Threats",
      "",
      "| Threat Number | Threat | Mitigations |",
      "| --- | --- | --- |",
      `| T-0001 | Replay | ${link("M-0001")} |`,
      "",
      "## Mitigations",
      "",
      "| Mitigation Number | Mitigation |",
      "| --- | --- |",
      "| M-0001 | Nonces |",
    )],
    // Only the paired columns count: a mention in a statement is not a link to return.
    ["a mention in a statement", md("## Threats", "", "| Threat Number | Threat |", "| --- | --- |", `| T-0001 | Like ${link("T-0002")} |`, "| T-0002 | Replay |")],
  ];
  it.each(valid)("accepts %s", (_name, text) => {
    expect(findings(rule, text)).toEqual([]);
  });

  const invalid: [string, string, Finding[]][] = [
    [
      // The threat lists the mitigation, which does not list it back.
      "a threat to mitigation link not returned",
      document({ threat: ["M-0001"] }),
      [{ messageId: "oneWay", message: oneWay("T-0001", "M-0001", "Mitigations", "Threats Mitigating"), line: 11, column: 21, endLine: 11, endColumn: 42 }],
    ],
    [
      // The other direction is reported where that link is written.
      "a mitigation to threat link not returned",
      document({ mitigation: ["T-0001"] }),
      [{ messageId: "oneWay", message: oneWay("M-0001", "T-0001", "Threats Mitigating", "Mitigations"), line: 17, column: 21, endLine: 17, endColumn: 42 }],
    ],
    [
      // Threat and assumption.
      "a threat to assumption link not returned",
      document({ threat: ["A-0001"] }),
      [{ messageId: "oneWay", message: oneWay("T-0001", "A-0001", "Assumptions", "Linked Threats"), line: 11, column: 24, endLine: 11, endColumn: 45 }],
    ],
    [
      // Assumption and threat.
      "an assumption to threat link not returned",
      document({ assumption: ["T-0001"] }),
      [{ messageId: "oneWay", message: oneWay("A-0001", "T-0001", "Linked Threats", "Assumptions"), line: 5, column: 29, endLine: 5, endColumn: 50 }],
    ],
    [
      // Mitigation and assumption.
      "a mitigation to assumption link not returned",
      document({ mitigation: ["A-0001"] }),
      [{ messageId: "oneWay", message: oneWay("M-0001", "A-0001", "Assumptions", "Linked Mitigations"), line: 17, column: 24, endLine: 17, endColumn: 45 }],
    ],
    [
      // Assumption and mitigation.
      "an assumption to mitigation link not returned",
      document({ assumption: ["M-0001"] }),
      [{ messageId: "oneWay", message: oneWay("A-0001", "M-0001", "Linked Mitigations", "Assumptions"), line: 5, column: 32, endLine: 5, endColumn: 53 }],
    ],
    [
      // The back link must sit in the paired column, not in another one.
      "a back link in the wrong column",
      md(
        "## Threats",
        "",
        "| Threat Number | Threat | Mitigations | Comments |",
        "| --- | --- | --- | --- |",
        `| T-0001 | Replay | ${link("M-0001")} | |`,
        "",
        "## Mitigations",
        "",
        "| Mitigation Number | Mitigation | Threats Mitigating | Comments |",
        "| --- | --- | --- | --- |",
        `| M-0001 | Nonces | | See ${link("T-0001")} |`,
      ),
      [{ messageId: "oneWay", message: oneWay("T-0001", "M-0001", "Mitigations", "Threats Mitigating"), line: 5, column: 21, endLine: 5, endColumn: 42 }],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, expected) => {
    expect(findings(rule, text)).toEqual(expected);
  });
});
