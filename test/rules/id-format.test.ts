import { describe, expect, it } from "vitest";
import rule from "../../rules/id-format.js";
import { findings, md, type Finding } from "../helpers.js";

const malformed = (kind: string, id: string, pattern: string, suggestion: string): string =>
  `${kind} ID \`${id}\` does not match \`${pattern}\`; write it as \`${suggestion}\`.`;
const wrongPrefix = (kind: string, id: string, prefix: string, suggestion: string): string =>
  `${kind} ID \`${id}\` does not carry the \`${prefix}\` prefix of its table; write it as \`${suggestion}\`.`;

/** Builds a two-column table of one kind with the given ID cells. */
function table(section: string, idColumn: string, ...ids: string[]): string {
  return md(`## ${section}`, "", `| ${idColumn} | Text |`, "| --- | --- |", ...ids.map((id) => `| ${id} | x |`));
}

const dataFlows = (...ids: string[]): string =>
  md("## Dataflow", "", "### Data Flows", "", "| Flow Identifier | Flow Description |", "| --- | --- |", ...ids.map((id) => `| ${id} | x |`));
const trustBoundaries = (...ids: string[]): string =>
  md("## Dataflow", "", "### Trust Boundaries", "", "| Boundary Identifier | Purpose |", "| --- | --- |", ...ids.map((id) => `| ${id} | x |`));

describe("id-format", () => {
  const valid: [string, string, Record<string, unknown>][] = [
    [
      "each prefix with four digits",
      table("Assumptions", "Assumption Number", "A-0001") +
        table("Threats", "Threat Number", "T-0001", "T-9999") +
        table("Mitigations", "Mitigation Number", "M-0001") +
        table("Impacted Assets", "Asset Number", "AS-0001") +
        table("Existing Controls", "Control Number", "EC-0001") +
        table("Residual Threats", "Residual Threat Number", "RT-0001"),
      {},
    ],
    ["every ID cell form", table("Threats", "Threat Number", "[**T-0001**](#T-0001)", '<a name="T-0002"></a>T-0002', '<a id="T-0003"></a>', "**T-0004**"), {}],
    // Data flows and trust boundaries keep the template's unpadded numbers.
    ["unpadded data flows and trust boundaries", dataFlows("DF1", "DF12") + trustBoundaries("TB1", "TB2"), {}],
    ["three digits when configured", table("Threats", "Threat Number", "T-001"), { digits: 3 }],
    ["dataflow entities, which have names", md("## Dataflow", "", "### Entities", "", "| Entity | Description |", "| --- | --- |", "| Browser | x |"), {}],
    ["a table of unknown kind", md("| Key | Value |", "| --- | --- |", "| T-1 | x |"), {}],
    ["a wrapped cell's tail", table("Threats", "Threat Number", "T-0001") + md("and downtime |"), {}],
  ];
  it.each(valid)("accepts %s", (_name, text, options) => {
    expect(findings(rule, text, options)).toEqual([]);
  });

  const invalid: [string, string, Record<string, unknown>, Finding[]][] = [
    [
      // Too few digits; the suggestion keeps the number.
      "an unpadded threat ID",
      table("Threats", "Threat Number", "T-1"),
      {},
      [{ messageId: "malformed", message: malformed("Threat", "T-1", "T-NNNN", "T-0001"), line: 5, column: 3, endLine: 5, endColumn: 6 }],
    ],
    [
      // Too many digits.
      "a five-digit ID",
      table("Mitigations", "Mitigation Number", "M-00012"),
      {},
      [{ messageId: "malformed", message: malformed("Mitigation", "M-00012", "M-NNNN", "M-0012"), line: 5, column: 3, endLine: 5, endColumn: 10 }],
    ],
    [
      // A number too large for the pattern has no padded form, so none is suggested.
      "a number with too many digits",
      table("Threats", "Threat Number", "T-12345"),
      {},
      [
        {
          messageId: "tooManyDigits",
          message: "Threat ID `T-12345` has more digits than `T-NNNN` allows; renumber it or raise the `digits` option.",
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 10,
        },
      ],
    ],
    [
      // The hyphen is part of the form.
      "an ID without its hyphen",
      table("Impacted Assets", "Asset Number", "AS0003"),
      {},
      [{ messageId: "malformed", message: malformed("Asset", "AS0003", "AS-NNNN", "AS-0003"), line: 5, column: 3, endLine: 5, endColumn: 9 }],
    ],
    [
      // Prefixes are upper case.
      "a lower-case prefix",
      table("Existing Controls", "Control Number", "ec-0002"),
      {},
      [{ messageId: "malformed", message: malformed("Existing control", "ec-0002", "EC-NNNN", "EC-0002"), line: 5, column: 3, endLine: 5, endColumn: 10 }],
    ],
    [
      // An ID of another table.
      "a mitigation ID in the Threats table",
      table("Threats", "Threat Number", "M-0004"),
      {},
      [{ messageId: "wrongPrefix", message: wrongPrefix("Threat", "M-0004", "T-", "T-0004"), line: 5, column: 3, endLine: 5, endColumn: 9 }],
    ],
    [
      // A name where the ID belongs; the suggestion falls back to number 1.
      "a word for an ID",
      table("Residual Threats", "Residual Threat Number", "Replay risk"),
      {},
      [
        {
          messageId: "wrongPrefix",
          message: wrongPrefix("Residual threat", "Replay risk", "RT-", "RT-0001"),
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 14,
        },
      ],
    ],
    [
      // The anchor form is checked by its visible ID, at the whole ID cell.
      "an anchored short ID",
      table("Assumptions", "Assumption Number", '<a name="A-7"></a>A-7'),
      {},
      [{ messageId: "malformed", message: malformed("Assumption", "A-7", "A-NNNN", "A-0007"), line: 5, column: 3, endLine: 5, endColumn: 24 }],
    ],
    [
      // Data flows take no padding and no hyphen.
      "padded and hyphenated data flows",
      dataFlows("DF01", "DF-2"),
      {},
      [
        { messageId: "malformed", message: malformed("Data flow", "DF01", "DFN", "DF1"), line: 7, column: 3, endLine: 7, endColumn: 7 },
        { messageId: "malformed", message: malformed("Data flow", "DF-2", "DFN", "DF2"), line: 8, column: 3, endLine: 8, endColumn: 7 },
      ],
    ],
    [
      // A trust boundary numbered like a threat.
      "a padded trust boundary",
      trustBoundaries("TB-0001"),
      {},
      [{ messageId: "malformed", message: malformed("Trust boundary", "TB-0001", "TBN", "TB1"), line: 7, column: 3, endLine: 7, endColumn: 10 }],
    ],
    [
      // The digits option changes the pattern and the suggestion.
      "four digits when three are configured",
      table("Threats", "Threat Number", "T-0001"),
      { digits: 3 },
      [{ messageId: "malformed", message: malformed("Threat", "T-0001", "T-NNN", "T-001"), line: 5, column: 3, endLine: 5, endColumn: 9 }],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, options, expected) => {
    expect(findings(rule, text, options)).toEqual(expected);
  });
});
