import { describe, expect, it } from "vitest";
import rule from "../../rules/xref-full-statement.js";
import { findings, md, type Finding } from "../helpers.js";

const STATEMENT = "A thief who has a stolen card can open 12 lockers, which leads to theft, resulting in refunds";

/** Builds a threat and a mitigation whose Threats Mitigating cell (line 11, from column 70) is `reference`. */
function document(reference: string, threatCell = STATEMENT): string {
  return md(
    "## Threats",
    "",
    "| Threat Number | Threat | Mitigations |",
    "| --- | --- | --- |",
    `| <a id="T-0001"></a>T-0001 | ${threatCell} | [**M-0001**](#M-0001): Lock the keypad after 5 failed codes |`,
    "",
    "## Mitigations",
    "",
    "| Mitigation Number | Mitigation | Threats Mitigating |",
    "| --- | --- | --- |",
    `| <a id="M-0001"></a>M-0001 | Lock the keypad after 5 failed codes | ${reference} |`,
  );
}

describe("xref-full-statement", () => {
  const valid: [string, string][] = [
    ["the full statement", document(`[**T-0001**](#T-0001): ${STATEMENT}`)],
    [
      "the statement with escapes, entities, other spacing, case and a final period",
      document("[**T-0001**](#T-0001): a thief who has a stolen card can open 12 lockers, which leads to theft, resulting in refunds&#46;"),
    ],
    ["a statement with escaped brackets", document("[**T-0001**](#T-0001): A thief \\(with a card\\)", "A thief (with a card)")],
    [
      "the statement without the evidence prefix of the threat cell",
      document(`[**T-0001**](#T-0001): ${STATEMENT}`, `**Found in repo**: \`src/open.ts\` Line 4 - ${STATEMENT}`),
    ],
    ["a statement-length quote that differs, which xref-statement-sync reports", document(`[**T-0001**](#T-0001): ${STATEMENT.replace("12", "20")}`)],
    ["a link to a missing threat", document("[**T-0009**](#T-0009)")],
    [
      "a label that fits another threat, which xref-statement-sync reports",
      md(
        "## Threats",
        "",
        "| Threat Number | Threat |",
        "| --- | --- |",
        `| <a id="T-0001"></a>T-0001 | ${STATEMENT} |`,
        '| <a id="T-0002"></a>T-0002 | An insider who has admin access can delete 40 audit logs, which leads to lost evidence, resulting in failed audits |',
        "",
        "## Mitigations",
        "",
        "| Mitigation Number | Mitigation | Threats Mitigating |",
        "| --- | --- | --- |",
        '| <a id="M-0001"></a>M-0001 | Lock the keypad after 5 failed codes | [**T-0002**](#T-0002): Stolen card opens lockers |',
      ),
    ],
    [
      "a control-gap link to an existing control",
      md(
        "## Existing Controls",
        "",
        "| Control Number | Control Name |",
        "| --- | --- |",
        '| <a id="EC-0001"></a>EC-0001 | Keypad lockout |',
        "",
        "## Residual Threats",
        "",
        "| Residual Threat Number | Residual Threat | Current Control Gaps |",
        "| --- | --- | --- |",
        `| <a id="RT-0001"></a>RT-0001 | ${STATEMENT} | [**EC-0001**](#EC-0001): Lockout resets on reboot |`,
      ),
    ],
  ];
  it.each(valid)("accepts %s", (_name, text) => {
    expect(findings(rule, text)).toEqual([]);
  });

  const invalid: [string, string, Finding[]][] = [
    [
      "a bare ID",
      document("[**T-0001**](#T-0001)"),
      [
        {
          messageId: "missing",
          message:
            "Cross-reference to `T-0001` has no statement after it; write `[**T-0001**](#T-0001): A thief who has a stolen card can open 12 lockers, which leads to theft,…`.",
          line: 11,
          column: 70,
          endLine: 11,
          endColumn: 91,
        },
      ],
    ],
    [
      "a short label",
      document("[**T-0001**](#T-0001): Card theft"),
      [
        {
          messageId: "label",
          message:
            "Cross-reference to `T-0001` quotes `Card theft`, a short label in place of the full statement; copy the statement of `T-0001` from the Threats table: `A thief who has a stolen card can open 12 lockers, which leads to theft,…`.",
          line: 11,
          column: 70,
          endLine: 11,
          endColumn: 103,
        },
      ],
    ],
    [
      "a label in the Mitigations column of a threat",
      document(`[**T-0001**](#T-0001): ${STATEMENT}`).replace(": Lock the keypad after 5 failed codes |", ": Lockout |"),
      [
        {
          messageId: "label",
          message:
            "Cross-reference to `M-0001` quotes `Lockout`, a short label in place of the full statement; copy the statement of `M-0001` from the Mitigations table: `Lock the keypad after 5 failed codes`.",
          line: 5,
          column: 127,
          endLine: 5,
          endColumn: 157,
        },
      ],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, expected) => {
    expect(findings(rule, text)).toEqual(expected);
  });

  it.each([
    ["an empty file", ""],
    ["a header-only table", md("## Threats", "", "| Threat Number | Threat | Mitigations |", "| --- | --- | --- |")],
    ["rows with empty cells", md("## Threats", "", "| Threat Number | Threat | Mitigations |", "| --- | --- | --- |", "| T-0001 | | [**T-0001**](#T-0001) |")],
  ])("finds nothing in %s", (_name, text) => {
    expect(findings(rule, text)).toEqual([]);
  });
});
