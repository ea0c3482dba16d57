import { describe, expect, it } from "vitest";
import rule from "../../rules/section-order.js";
import { findings, md, runRule, type Finding } from "../helpers.js";

const outOfOrder = (title: string, previous: string, order: string): string =>
  `Section \`${title}\` comes after \`${previous}\`; move it before \`${previous}\` (template order: ${order}).`;
const duplicate = (title: string, line: number): string => `Section \`${title}\` appears again; merge it into the one at line ${line}.`;

describe("section-order", () => {
  const valid: [string, string][] = [
    ["template order", md("## Application Info", "## Architecture", "## Dataflow", "## Assumptions", "## Threats", "## Mitigations")],
    ["a subset in order", md("## Architecture", "", "## Residual Threats", "", "## AWS Well-Architected Mappings")],
    ["pasted headings between sections", md("## Threats", "", "## Notes", "", "## Mitigations")],
    ["a section title at level 3 repeated", md("## Threats", "", "### Threats", "", "## Mitigations")],
    ["one section", md("## Threats")],
    ["no sections", md("# Title", "", "Text.")],
  ];
  it.each(valid)("accepts %s", (_name, text) => {
    expect(findings(rule, text)).toEqual([]);
  });

  const invalid: [string, string, Finding[]][] = [
    [
      // A section that belongs before the furthest one seen so far.
      "swapped sections",
      md("## Threats", "", "## Assumptions"),
      [
        {
          messageId: "outOfOrder",
          message: outOfOrder("Assumptions", "Threats", "Assumptions, Threats"),
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 15,
        },
      ],
    ],
    [
      // Every section placed before the furthest one is reported, not only the first.
      "two sections after a later one",
      md("## Mitigations", "## Application Info", "## Architecture", "## Impacted Assets"),
      [
        {
          messageId: "outOfOrder",
          message: outOfOrder("Application Info", "Mitigations", "Application Info, Mitigations"),
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 20,
        },
        {
          messageId: "outOfOrder",
          message: outOfOrder("Architecture", "Mitigations", "Application Info, Architecture, Mitigations"),
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 16,
        },
      ],
    ],
    [
      // The titles in the message are the template's, whatever the heading says.
      "reworded titles",
      md("## 9. Residual Threats and Recommended Mitigations", "", "## Section 3: Data Flow"),
      [
        {
          messageId: "outOfOrder",
          message: outOfOrder("Dataflow", "Residual Threats", "Dataflow, Residual Threats"),
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 24,
        },
      ],
    ],
    [
      // A section written twice; the second points at the first.
      "a repeated section",
      md("## Threats", "", "## Mitigations", "", "## Threats"),
      [{ messageId: "duplicate", message: duplicate("Threats", 1), line: 5, column: 1, endLine: 5, endColumn: 11 }],
    ],
    [
      // Two titles of one section count as a repeat.
      "a repeat under another title",
      md("## Dataflow", "", "## Data Flow"),
      [{ messageId: "duplicate", message: duplicate("Dataflow", 1), line: 3, column: 1, endLine: 3, endColumn: 13 }],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, expected) => {
    expect(findings(rule, text)).toEqual(expected);
  });

  it("points a repeated section at the first", () => {
    const [diagnostic] = runRule(rule, md("## Threats", "", "## Threats"));
    expect(diagnostic?.related?.map((related) => [related.message, related.range.start.line, related.range.end.column])).toEqual([
      ["First defined here.", 1, 11],
    ]);
  });
});
