import { describe, expect, it } from "vitest";
import rule from "../../rules/residual-threat-coverage.js";
import { findings, md, type Finding } from "../helpers.js";

const uncovered = (id: string, effectiveness: string): string =>
  `Existing control \`${id}\` is \`${effectiveness}\` but no residual threat cites it in Current Control Gaps; add a residual threat for its gap.`;
const tooFew = (count: number, weak: number, missing: number): string =>
  `The document has ${count} residual threats for ${weak} Partial or Ineffective existing controls; add at least ${missing} more.`;

/** Builds an Existing Controls table with one row per [ID, Effectiveness] pair. */
function controls(...rows: [string, string][]): string {
  return md(
    "## Existing Controls",
    "",
    "| Control Number | Control Name | Effectiveness |",
    "| --- | --- | --- |",
    ...rows.map(([id, effectiveness]) => `| ${id} | Control | ${effectiveness} |`),
  );
}

/** Builds a Residual Threats table with one row per [ID, gap cell] pair. */
function residual(...rows: [string, string][]): string {
  return md(
    "",
    "## Residual Threats",
    "",
    "| Residual Threat Number | Residual Threat | Current Control Gaps | Comments |",
    "| --- | --- | --- | --- |",
    ...rows.map(([id, gaps]) => `| ${id} | Replay | ${gaps} | |`),
  );
}

const cite = (id: string): string => `[**${id}**](#${id}): only partly deployed`;

describe("residual-threat-coverage", () => {
  const valid: [string, string][] = [
    ["effective controls only", controls(["EC-0001", "Effective"], ["EC-0002", "Effective"])],
    ["a partial control cited by a residual threat", controls(["EC-0001", "Partial"]) + residual(["RT-0001", cite("EC-0001")])],
    [
      "two weak controls cited by two residual threats",
      controls(["EC-0001", "Partial"], ["EC-0002", "Ineffective - not enforced"]) + residual(["RT-0001", cite("EC-0001")], ["RT-0002", cite("EC-0002")]),
    ],
    ["Effectiveness in any case", controls(["EC-0001", "PARTIAL"]) + residual(["RT-0001", cite("EC-0001")])],
    ["no Existing Controls table", residual(["RT-0001", "None"])],
    ["an empty file", ""],
  ];
  it.each(valid)("accepts %s", (_name, text) => {
    expect(findings(rule, text)).toEqual([]);
  });

  const invalid: [string, string, Finding[]][] = [
    [
      // An uncovered control is reported at its row.
      "a partial control that no residual threat cites",
      controls(["EC-0001", "Effective"], ["EC-0002", "Partial"]) + residual(["RT-0001", "None"], ["RT-0002", "None"]),
      [{ messageId: "uncovered", message: uncovered("EC-0002", "Partial"), line: 6, column: 1, endLine: 6, endColumn: 32 }],
    ],
    [
      // The effectiveness word is read from the start of the cell and capitalised.
      "an ineffective control with a note",
      controls(["EC-0003", "ineffective (bypassed)"]) + residual(["RT-0001", "None"]),
      [{ messageId: "uncovered", message: uncovered("EC-0003", "Ineffective"), line: 5, column: 1, endLine: 5, endColumn: 47 }],
    ],
    [
      // A citation in another column does not count.
      "a control cited in the Comments column",
      controls(["EC-0001", "Partial"]) +
        md("", "## Residual Threats", "", "| Residual Threat Number | Residual Threat | Current Control Gaps | Comments |", "| --- | --- | --- | --- |", `| RT-0001 | Replay | None | ${cite("EC-0001")} |`),
      [{ messageId: "uncovered", message: uncovered("EC-0001", "Partial"), line: 5, column: 1, endLine: 5, endColumn: 32 }],
    ],
    [
      // The count is reported at the Residual Threats heading.
      "fewer residual threats than weak controls",
      controls(["EC-0001", "Partial"], ["EC-0002", "Partial"], ["EC-0003", "Ineffective"]) +
        residual(["RT-0001", [cite("EC-0001"), cite("EC-0002"), cite("EC-0003")].join("<br/>")]),
      [{ messageId: "tooFew", message: tooFew(1, 3, 2), line: 9, column: 1, endLine: 9, endColumn: 20 }],
    ],
    [
      // Without a Residual Threats section, the count goes to the Existing Controls heading.
      "no Residual Threats section",
      controls(["EC-0001", "Partial"]),
      [
        { messageId: "tooFew", message: tooFew(0, 1, 1), line: 1, column: 1, endLine: 1, endColumn: 21 },
        { messageId: "uncovered", message: uncovered("EC-0001", "Partial"), line: 5, column: 1, endLine: 5, endColumn: 32 },
      ],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, expected) => {
    expect(findings(rule, text)).toEqual(expected);
  });
});
