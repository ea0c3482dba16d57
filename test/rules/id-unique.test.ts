import { describe, expect, it } from "vitest";
import rule from "../../rules/id-unique.js";
import { findings, md } from "../helpers.js";

const header = md("## Threats", "", "| Threat Number | Threat |", "| --- | --- |");

describe("id-unique", () => {
  const valid: [string, string][] = [
    ["distinct IDs", header + md("| T-0001 | A |", "| T-0002 | B |")],
    ["same number in different tables", header + md("| T-0001 | A |", "", "## Mitigations", "", "| Mitigation Number | Mitigation |", "| --- | --- |", "| M-0001 | B |")],
  ];
  it.each(valid)("accepts %s", (_name, text) => {
    expect(findings(rule, text)).toEqual([]);
  });

  it("reports the second definition and points at the first", () => {
    const text = header + md("| T-0001 | A |", "| T-0001 | B |");
    expect(findings(rule, text)).toEqual([
      {
        messageId: "duplicate",
        message: "Threat ID `T-0001` is already defined at line 5; give this row its own ID.",
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 10,
      },
    ]);
  });
});
