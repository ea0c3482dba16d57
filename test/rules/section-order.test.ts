import { describe, expect, it } from "vitest";
import rule, { longestIncreasing } from "../../rules/section-order.js";
import { findings, md, runRule, type Finding } from "../helpers.js";

const outOfOrder = (title: string, place: string, order: string): string =>
  `Section \`${title}\` is out of template order; move it ${place} (template order: ${order}).`;
const duplicate = (title: string, line: number): string => `Section \`${title}\` appears again; merge it into the one at line ${line}.`;

describe("section-order", () => {
  const valid: [string, string][] = [
    ["template order", md("## Application Info", "## Architecture", "## Dataflow", "## Assumptions", "## Threats", "## Mitigations")],
    ["a subset in order", md("## Architecture", "", "## Residual Threats", "", "## AWS Well-Architected Mappings")],
    ["pasted headings between sections", md("## Threats", "", "## Notes", "", "## Mitigations")],
    ["a sub-heading that names an earlier section", md("## Threats", "", "## Scope", "", "### Assumptions", "", "- The provider patches its hosts.")],
    ["a section title at level 3 repeated", md("## Threats", "", "### Threats", "", "## Mitigations")],
    ["one section", md("## Threats")],
    ["no sections", md("# Title", "", "Text.")],
  ];
  it.each(valid)("accepts %s", (_name, text) => {
    expect(findings(rule, text)).toEqual([]);
  });

  const invalid: [string, string, Finding[]][] = [
    [
      // Of two swapped sections, the second is the one reported.
      "swapped sections",
      md("## Threats", "", "## Assumptions"),
      [
        {
          messageId: "outOfOrder",
          message: outOfOrder("Assumptions", "before `Threats`", "Assumptions, Threats"),
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 15,
        },
      ],
    ],
    [
      // One section moved to the front puts every later section after it out of place, but
      // only the moved one is reported, with its place between the sections that stay.
      "one section moved to the front",
      md("## Mitigations", "## Application Info", "## Architecture", "## Impacted Assets"),
      [
        {
          messageId: "outOfOrder",
          message: outOfOrder(
            "Mitigations",
            "between `Architecture` and `Impacted Assets`",
            "Application Info, Architecture, Mitigations, Impacted Assets",
          ),
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 15,
        },
      ],
    ],
    [
      // One section moved to the end.
      "one section moved to the end",
      md("## Application Info", "## Architecture", "## Threats", "## Mitigations", "## Assumptions"),
      [
        {
          messageId: "outOfOrder",
          message: outOfOrder("Assumptions", "between `Architecture` and `Threats`", "Application Info, Architecture, Assumptions, Threats, Mitigations"),
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 15,
        },
      ],
    ],
    [
      // Two moved sections give two findings, and the sections in order around them give none.
      "two sections moved behind later ones",
      md("## Threats", "## Mitigations", "## Assumptions", "## Dataflow"),
      [
        {
          messageId: "outOfOrder",
          message: outOfOrder("Assumptions", "before `Threats`", "Dataflow, Assumptions, Threats, Mitigations"),
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 15,
        },
        {
          messageId: "outOfOrder",
          message: outOfOrder("Dataflow", "before `Threats`", "Dataflow, Assumptions, Threats, Mitigations"),
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 12,
        },
      ],
    ],
    [
      // The last section moved before the others is placed after the last one that stays.
      "the last section moved to the front",
      md("## AWS Well-Architected Mappings", "## Threats", "## Mitigations"),
      [
        {
          messageId: "outOfOrder",
          message: outOfOrder("AWS Well-Architected Mappings", "after `Mitigations`", "Threats, Mitigations, AWS Well-Architected Mappings"),
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 33,
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
          message: outOfOrder("Dataflow", "before `Residual Threats`", "Dataflow, Residual Threats"),
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 24,
        },
      ],
    ],
    [
      // A repeat is reported as a repeat and left out of the order.
      "a repeat of a moved section",
      md("## Threats", "", "## Assumptions", "", "## Threats"),
      [
        {
          messageId: "outOfOrder",
          message: outOfOrder("Assumptions", "before `Threats`", "Assumptions, Threats"),
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 15,
        },
        {
          messageId: "duplicate",
          message: duplicate("Threats", 1),
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 11,
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

  it("points a moved section at its neighbour", () => {
    const [diagnostic] = runRule(rule, md("## Mitigations", "## Application Info", "## Architecture", "## Impacted Assets"));
    expect(diagnostic?.related?.map((related) => [related.message, related.range.start.line])).toEqual([["Move it before this section.", 4]]);
  });

  it("points a moved last section after its neighbour", () => {
    const [diagnostic] = runRule(rule, md("## AWS Well-Architected Mappings", "## Threats", "## Mitigations"));
    expect(diagnostic?.related?.map((related) => [related.message, related.range.start.line])).toEqual([["Move it after this section.", 3]]);
  });

  it.each([
    ["an empty list", [], []],
    ["a sorted list", [0, 1, 2], [0, 1, 2]],
    ["one value moved to the front", [5, 0, 1, 6], [1, 2, 3]],
    ["a swap, keeping the earlier value", [4, 3], [0]],
    ["two runs", [4, 5, 3, 2], [0, 1]],
    ["a descending list", [3, 2, 1], [0]],
  ])("finds the longest increasing run in %s", (_name, values, expected) => {
    expect([...longestIncreasing(values)]).toEqual(expected);
  });

  it("points a repeated section at the first", () => {
    const [diagnostic] = runRule(rule, md("## Threats", "", "## Threats"));
    expect(diagnostic?.related?.map((related) => [related.message, related.range.start.line, related.range.end.column])).toEqual([
      ["First defined here.", 1, 11],
    ]);
  });
});
