import { describe, expect, it } from "vitest";
import rule from "../../rules/table-required.js";
import { findings, md, type Finding } from "../helpers.js";

const message = (section: string, table: string, columns: string): string =>
  `Section \`${section}\` has no ${table} table; add a table with the columns \`${columns}\`.`;

const THREAT_COLUMNS = "Threat Number | Threat | Mitigations | Assumptions | Status | Priority | STRIDE | Comments";

const dataflow = md(
  "## Dataflow",
  "",
  "### Entities",
  "",
  "| Entity | Description |",
  "| --- | --- |",
  "",
  "### Data Flows",
  "",
  "| Flow Identifier | Flow Description |",
  "| --- | --- |",
  "",
  "### Trust Boundaries",
  "",
  "| Boundary Identifier | Purpose |",
  "| --- | --- |",
  "",
  "### Possible Threat Sources",
  "",
  "| Category | Description | Examples |",
  "| --- | --- | --- |",
);

describe("table-required", () => {
  const valid: [string, string, Record<string, unknown>][] = [
    ["a Threats table", md("## Threats", "", "| Threat Number | Threat |", "| --- | --- |"), { tables: ["threats"] }],
    ["the four Dataflow tables", dataflow, {}],
    ["a table under a pasted heading", md("## Threats", "", "### Register", "", "| # | Threat |", "| --- | --- |"), { tables: ["threats"] }],
    // A sub-heading that names a section may be a topic, such as a list of assumptions in Scope.
    ["a section found only as a sub-heading", md("## Scope", "", "### Assumptions", "", "- The provider patches its hosts."), { tables: ["assumptions"] }],
    ["a table in a list item", md("## Threats", "", "- Register:", "", "  | ID | Threat |", "  | --- | --- |"), { tables: ["threats"] }],
    // A missing section is section-required's finding.
    ["a missing section", md("# Lockers"), {}],
    ["a table that is not asked for", md("## Mitigations"), { tables: ["threats"] }],
    // A header and delimiter row that disagree is table-row-shape's finding.
    ["a table that renders as text", md("## Threats", "", "| Threat Number | Threat |", "| --- |", "| T-0001 | Replay |"), {}],
  ];
  it.each(valid)("accepts %s", (_name, text, options) => {
    expect(findings(rule, text, options)).toEqual([]);
  });

  const invalid: [string, string, Record<string, unknown>, Finding[]][] = [
    [
      // A missing table is reported at the heading of the section that should hold it.
      "a section without its table",
      md("# Lockers", "", "## Threats", "", "None yet."),
      {},
      [{ messageId: "missing", message: message("Threats", "Threats", THREAT_COLUMNS), line: 3, column: 1, endLine: 3, endColumn: 11 }],
    ],
    [
      // A table whose columns fit no known table does not count.
      "a table of unknown kind",
      md("## Impacted Assets", "", "| Key | Value |", "| --- | --- |"),
      {},
      [
        {
          messageId: "missing",
          message: message("Impacted Assets", "Impacted Assets", "Asset Number | Asset | Related Threats"),
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 19,
        },
      ],
    ],
    [
      // The Dataflow section holds four tables; each missing one is reported at its heading.
      "a Dataflow section with only its Entities table",
      md("## Data Flow", "", "### Entities", "", "| Entity | Description |", "| --- | --- |"),
      {},
      [
        {
          messageId: "missing",
          message: message("Dataflow", "Data Flows", "Flow Identifier | Flow Description | Source Entity | Target Entity | Assets"),
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 13,
        },
        {
          messageId: "missing",
          message: message("Dataflow", "Possible Threat Sources", "Category | Description | Examples"),
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 13,
        },
        {
          messageId: "missing",
          message: message("Dataflow", "Trust Boundaries", "Boundary Identifier | Purpose | Source Entity | Target Entity"),
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 13,
        },
      ],
    ],
    [
      // A table after the next section belongs to that section.
      "a table placed in the next section",
      md("## Existing Controls", "", "## Residual Threats", "", "| Control Number | Control Name |", "| --- | --- |"),
      { tables: ["existing-controls"] },
      [
        {
          messageId: "missing",
          message: message(
            "Existing Controls",
            "Existing Controls",
            "Control Number | Control Name | Control Type | Implementation Evidence | Threats Addressed | Effectiveness | Gaps/Weaknesses | Comments",
          ),
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 21,
        },
      ],
    ],
    [
      // An empty section heading still needs its table.
      "an empty Assumptions section",
      md("## Assumptions"),
      {},
      [
        {
          messageId: "missing",
          message: message("Assumptions", "Assumptions", "Assumption Number | Assumption | Linked Threats | Linked Mitigations | Comments"),
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 15,
        },
      ],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, options, expected) => {
    expect(findings(rule, text, options)).toEqual(expected);
  });
});
