import { describe, expect, it } from "vitest";
import rule from "../../rules/table-columns.js";
import { findings, md, type Finding } from "../helpers.js";

const THREATS = "Threat Number | Threat | Mitigations | Assumptions | Status | Priority | STRIDE | Comments";
const MITIGATIONS = "Mitigation Number | Mitigation | Threats Mitigating | Assumptions | Status | Comments";
const ASSETS = "Asset Number | Asset | Related Threats";

/** Builds a table under a section heading, with a delimiter row that fits its header. */
function table(section: string, header: string): string {
  const columns = header.split("|").length;
  return md(`## ${section}`, "", `| ${header} |`, "|" + " --- |".repeat(columns));
}

const missing = (table: string, column: string, expected: string): string =>
  `${table} table has no \`${column}\` column; expected the columns \`${expected}\`.`;
const order = (column: string, previous: string, expected: string): string =>
  `Column \`${column}\` comes after \`${previous}\`; expected the order \`${expected}\`.`;
const extra = (column: string, table: string, expected: string): string =>
  `Column \`${column}\` is not a column of the ${table} table; expected the columns \`${expected}\`.`;

describe("table-columns", () => {
  const valid: [string, string, Record<string, unknown>][] = [
    ["the template's Threats columns", table("Threats", THREATS), {}],
    ["the template's Mitigations columns", table("Mitigations", MITIGATIONS), {}],
    ["ID aliases", table("Impacted Assets", "# | Asset | Related Threats") + table("Impacted Assets", "ID | Asset | Related Threats"), {}],
    ["the Number alias and Threats Mitigated", table("Mitigations", "Number | Mitigation | Threats Mitigated | Assumptions | Status | Comments"), {}],
    ["case and spacing in names", table("Impacted Assets", "asset number | ASSET | Related  Threats"), {}],
    ["an extra column when allowed", table("Impacted Assets", `${ASSETS} | Owner`), { allowExtra: true }],
    ["an optional column left out", table("Impacted Assets", "Asset Number | Asset"), { optional: ["impacted-assets.related-threats"] }],
    ["a table of unknown kind", md("| Key | Value |", "| --- | --- |"), { allowExtra: false }],
    ["a Dataflow sub-section table", md("## Dataflow", "", "### Trust Boundaries", "", "| Boundary Identifier | Purpose | Source Entity | Target Entity |", "| --- | --- | --- | --- |"), {}],
  ];
  it.each(valid)("accepts %s", (_name, text, options) => {
    expect(findings(rule, text, options)).toEqual([]);
  });

  const invalid: [string, string, Record<string, unknown>, Finding[]][] = [
    [
      // A missing column is reported at the header row.
      "a missing column",
      table("Impacted Assets", "Asset Number | Asset"),
      {},
      [{ messageId: "missing", message: missing("Impacted Assets", "Related Threats", ASSETS), line: 3, column: 1, endLine: 3, endColumn: 25 }],
    ],
    [
      // Each missing column has its own finding, in template order.
      "two missing columns",
      table("Threats", "Threat Number | Threat | Mitigations | Assumptions | Status | Priority"),
      {},
      [
        { messageId: "missing", message: missing("Threats", "Comments", THREATS), line: 3, column: 1, endLine: 3, endColumn: 75 },
        { messageId: "missing", message: missing("Threats", "STRIDE", THREATS), line: 3, column: 1, endLine: 3, endColumn: 75 },
      ],
    ],
    [
      // Order is reported once, at the first column that comes too late.
      "swapped columns",
      table("Impacted Assets", "Asset Number | Related Threats | Asset"),
      {},
      [{ messageId: "order", message: order("Asset", "Related Threats", ASSETS), line: 3, column: 36, endLine: 3, endColumn: 41 }],
    ],
    [
      // With allowExtra off, a column the template does not name is reported at that column.
      "an extra column",
      table("Impacted Assets", `${ASSETS} | Owner`),
      { allowExtra: false },
      [{ messageId: "extra", message: extra("Owner", "Impacted Assets", ASSETS), line: 3, column: 44, endLine: 3, endColumn: 49 }],
    ],
    [
      // A table recognised by its ID column outside any section is checked too.
      "a table recognised by its columns",
      md("| Threat Number | Threat |", "| --- | --- |"),
      { optional: ["threats.mitigations", "threats.assumptions", "threats.status", "threats.priority", "threats.stride"] },
      [{ messageId: "missing", message: missing("Threats", "Comments", THREATS), line: 1, column: 1, endLine: 1, endColumn: 27 }],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, options, expected) => {
    expect(findings(rule, text, options)).toEqual(expected);
  });
});
