import { describe, expect, it } from "vitest";
import rule from "../../rules/id-unique.js";
import { findings, md, runRule, type Finding } from "../helpers.js";

const header = md("## Threats", "", "| Threat Number | Threat |", "| --- | --- |");
const duplicate = (kind: string, id: string, line: number): string =>
  `${kind} ID \`${id}\` is already defined at line ${line}; give this row its own ID.`;

describe("id-unique", () => {
  const valid: [string, string][] = [
    ["distinct IDs", header + md("| T-0001 | A |", "| T-0002 | B |")],
    [
      "same number in different tables",
      header + md("| T-0001 | A |", "", "## Mitigations", "", "| Mitigation Number | Mitigation |", "| --- | --- |", "| M-0001 | B |"),
    ],
    // A link back to a row is a reference, not a second definition.
    ["an ID linked from another row", header + md("| [**T-0001**](#T-0001) | A |", "| T-0002 | Like [T-0001](#T-0001) |")],
    ["the same ID in a table of unknown kind", header + md("| T-0001 | A |", "", "| Key | Value |", "| --- | --- |", "| T-0001 | x |")],
    ["IDs that differ in padding", header + md("| T-0001 | A |", "| T-00001 | B |")],
    ["an empty file", ""],
  ];
  it.each(valid)("accepts %s", (_name, text) => {
    expect(findings(rule, text)).toEqual([]);
  });

  const invalid: [string, string, Finding[]][] = [
    [
      // The second definition is reported at its ID cell.
      "an ID defined twice",
      header + md("| T-0001 | A |", "| T-0001 | B |"),
      [{ messageId: "duplicate", message: duplicate("Threat", "T-0001", 5), line: 6, column: 3, endLine: 6, endColumn: 9 }],
    ],
    [
      // Every later definition points at the first.
      "an ID defined three times",
      header + md("| T-0001 | A |", "| T-0002 | B |", "| T-0001 | C |", "| T-0001 | D |"),
      [
        { messageId: "duplicate", message: duplicate("Threat", "T-0001", 5), line: 7, column: 3, endLine: 7, endColumn: 9 },
        { messageId: "duplicate", message: duplicate("Threat", "T-0001", 5), line: 8, column: 3, endLine: 8, endColumn: 9 },
      ],
    ],
    [
      // The ID counts, whatever form its cell takes.
      "an ID in two cell forms",
      header + md('| <a name="T-0003"></a>T-0003 | A |', "| [**T-0003**](#T-0003) | B |"),
      [{ messageId: "duplicate", message: duplicate("Threat", "T-0003", 5), line: 6, column: 3, endLine: 6, endColumn: 24 }],
    ],
    [
      // Two tables of one kind share their IDs.
      "an ID in two tables of one kind",
      md("## Existing Controls", "", "| Control Number | Control Name |", "| --- | --- |", "| EC-0001 | WAF |", "", "| Control # | Control |", "| --- | --- |", "| EC-0001 | MFA |"),
      [{ messageId: "duplicate", message: duplicate("Existing control", "EC-0001", 5), line: 9, column: 3, endLine: 9, endColumn: 10 }],
    ],
    [
      // Data flows are checked like the rest.
      "a data flow defined twice",
      md("## Dataflow", "", "### Data Flows", "", "| Flow Identifier | Flow Description |", "| --- | --- |", "| DF1 | Login |", "| DF1 | Logout |"),
      [{ messageId: "duplicate", message: duplicate("Data flow", "DF1", 7), line: 8, column: 3, endLine: 8, endColumn: 6 }],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, expected) => {
    expect(findings(rule, text)).toEqual(expected);
  });

  it("points the second definition at the first", () => {
    const [diagnostic] = runRule(rule, header + md("| T-0001 | A |", "| T-0001 | B |"));
    expect(diagnostic?.related).toEqual([
      {
        message: "First defined here.",
        range: { start: { line: 5, column: 3, offset: 55 }, end: { line: 5, column: 9, offset: 61 } },
      },
    ]);
  });
});
