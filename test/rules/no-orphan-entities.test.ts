import { describe, expect, it } from "vitest";
import rule from "../../rules/no-orphan-entities.js";
import { findings, md, type Finding } from "../helpers.js";

const threats = (...rows: string[]): string =>
  md("## Threats", "", "| Threat Number | Threat | Mitigations |", "| --- | --- | --- |", ...rows, "");
const mitigations = (...rows: string[]): string =>
  md("## Mitigations", "", "| Mitigation Number | Mitigation | Threats Mitigating |", "| --- | --- | --- |", ...rows, "");
const assets = (...rows: string[]): string =>
  md("## Impacted Assets", "", "| Asset Number | Asset | Related Threats |", "| --- | --- | --- |", ...rows, "");
const link = (id: string): string => `[**${id}**](#${id}): text`;

describe("no-orphan-entities", () => {
  const valid: [string, string, Record<string, unknown>][] = [
    [
      "links in both directions",
      threats(`| T-0001 | A | ${link("M-0001")} |`) + mitigations(`| M-0001 | B | ${link("T-0001")} |`) + assets(`| AS-0001 | C | ${link("T-0001")} |`),
      {},
    ],
    // One side is enough here; xref-bidirectional requires the other.
    ["a link on one side only", threats(`| T-0001 | A | ${link("M-0001")} |`) + mitigations("| M-0001 | B |  |"), {}],
    ["plain-text IDs", threats("| T-001 | A | M-001, M-002 |") + mitigations("| M-001 | B | T-001 |", "| M-002 | C | |"), {}],
    // A threats-only export has neither a Mitigations column nor a Mitigations table.
    ["a threats-only export", md("## Threats", "", "| Threat Number | Threat | Status |", "| --- | --- | --- |", "| T-0001 | A | Identified |"), {}],
    [
      "a mitigation recommended for a residual threat",
      threats(`| T-0001 | A | ${link("M-0001")} |`) +
        mitigations(`| M-0001 | B | ${link("T-0001")} |`, "| M-0002 | C |  |") +
        md("## Residual Threats", "", "| Residual Threat Number | Residual Threat | Recommended Mitigation |", "| --- | --- | --- |", `| RT-0001 | D | ${link("M-0002")} |`),
      {},
    ],
    ["only the checks the options name", threats("| T-0001 | A |  |") + mitigations("| M-0001 | B |  |"), { check: ["assets"] }],
    ["empty tables", threats() + mitigations() + assets(), {}],
    ["empty document", "", {}],
  ];
  it.each(valid)("accepts %s", (_name, text, options) => {
    expect(findings(rule, text, options)).toEqual([]);
  });

  const invalid: [string, string, Record<string, unknown>, Finding[]][] = [
    [
      "a threat, a mitigation and an asset without partners",
      threats(`| T-0001 | A | ${link("M-0001")} |`, "| T-0002 | B |  |") +
        mitigations(`| M-0001 | C | ${link("T-0001")} |`, "| M-0002 | D | to be decided |") +
        assets("| AS-0001 | E |  |"),
      {},
      [
        {
          messageId: "noMitigation",
          message: "Threat `T-0002` has no mitigation; link one in `Mitigations`, or list the threat in a mitigation's `Threats Mitigating`.",
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 9,
        },
        {
          messageId: "noThreat",
          message: "Mitigation `M-0002` addresses no threat; link the threats in `Threats Mitigating`, or list it in a threat's `Mitigations`.",
          line: 13,
          column: 3,
          endLine: 13,
          endColumn: 9,
        },
        {
          messageId: "noRelatedThreat",
          message: "Asset `AS-0001` has no related threat; link the threats that affect it in `Related Threats`.",
          line: 19,
          column: 3,
          endLine: 19,
          endColumn: 10,
        },
      ],
    ],
    [
      // The Mitigations table is absent, so the template's column name is suggested.
      "a threat whose column links another threat",
      threats(`| T-0001 | A | ${link("T-0002")} |`, `| T-0002 | B | ${link("M-0009")} |`),
      {},
      [
        {
          messageId: "noMitigation",
          message: "Threat `T-0001` has no mitigation; link one in `Mitigations`, or list the threat in a mitigation's `Threats Mitigating`.",
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 9,
        },
      ],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, options, expected) => {
    expect(findings(rule, text, options)).toEqual(expected);
  });
});
