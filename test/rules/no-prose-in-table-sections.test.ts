import { describe, expect, it } from "vitest";
import rule from "../../rules/no-prose-in-table-sections.js";
import { findings, md, type Finding } from "../helpers.js";

const table = md("| Threat Number | Threat |", "| --- | --- |", "| T-0001 | A user who … |");
const assumptionsTable = md("| Assumption Number | Assumption |", "| --- | --- |", "| A-0001 | The network is private. |");
const mitigationsTable = md("| Mitigation Number | Mitigation |", "| --- | --- |", "| M-0001 | Rotate keys. |");

describe("no-prose-in-table-sections", () => {
  const valid: [string, string, Record<string, unknown>][] = [
    ["a table only", md("## Threats", "", "") + table, {}],
    ["rules, comments and anchors", md("## Threats", "", "---", "", "<!-- generated -->", "", '<a name="threats"></a>', "") + table, {}],
    ["prose in Application Info", md("## Application Info", "", "Some text.", "", "## Threats", "") + table, {}],
    // An unrecognised heading at the section's level starts other content.
    ["prose under a following pasted section", md("## Threats", "") + table + md("", "## Coverage Notes", "", "Text."), {}],
    ["a section left out by the options", md("## Threats", "", "Intro.", "") + table, { sections: ["assumptions"] }],
    ["no sections", md("Just text."), {}],
    // table-required reports the missing table once, at the heading.
    ["a section written in prose with no table", md("## Threats", "", "### Threat 1", "", "An attacker floods the webhook.", "", "- Impact: outage"), {}],
    ["a table of another kind only", md("## Mitigations", "", "Intro.", "") + table, {}],
    ["empty document", "", {}],
  ];
  it.each(valid)("accepts %s", (_name, text, options) => {
    expect(findings(rule, text, options)).toEqual([]);
  });

  const invalid: [string, string, Record<string, unknown>, Finding[]][] = [
    [
      "a paragraph before the table",
      md("## Threats", "", "The table lists the **threats** we found.", "") + table,
      {},
      [
        {
          messageId: "prose",
          message:
            "Section `Threats` holds a paragraph outside its table: `The table lists the threats we found.`; move the content into a table row or its Comments column.",
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 42,
        },
      ],
    ],
    [
      "a list under a sub-heading, with a long item cut short",
      md("## Assumptions", "", "### Notes", "", "- The identity provider enforces MFA for every administrator", "- Second", "") + assumptionsTable,
      {},
      [
        {
          messageId: "prose",
          message:
            "Section `Assumptions` holds a list outside its table: `The identity provider enforces MFA for…`; move the content into a table row or its Comments column.",
          line: 5,
          column: 1,
          endLine: 6,
          endColumn: 9,
        },
      ],
    ],
    [
      "a block quote, a code block and an HTML block",
      md("## Mitigations", "", "> Quoted", "", "```", "code", "```", "", "<div>Note</div>", "") + mitigationsTable,
      {},
      [
        {
          messageId: "prose",
          message:
            "Section `Mitigations` holds a block quote outside its table: `Quoted`; move the content into a table row or its Comments column.",
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 9,
        },
        {
          messageId: "prose",
          message:
            "Section `Mitigations` holds a code block outside its table: `code`; move the content into a table row or its Comments column.",
          line: 5,
          column: 1,
          endLine: 7,
          endColumn: 4,
        },
        {
          messageId: "prose",
          message:
            "Section `Mitigations` holds an HTML block outside its table: `<div>Note</div>`; move the content into a table row or its Comments column.",
          line: 9,
          column: 1,
          endLine: 9,
          endColumn: 16,
        },
      ],
    ],
    [
      // Inline code and emphasis run on into the punctuation after them, with no space added.
      "code and emphasis before punctuation",
      md("## Threats", "", "See `T-0001`, then **this**.", "") + table,
      {},
      [
        {
          messageId: "prose",
          message:
            "Section `Threats` holds a paragraph outside its table: `See T-0001, then this.`; move the content into a table row or its Comments column.",
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 29,
        },
      ],
    ],
    [
      // List items and a line break inside an item are separated by one space.
      "list items and a line break",
      md("## Threats", "", "- one *item*.", "- two\\", "  lines.", "") + table,
      {},
      [
        {
          messageId: "prose",
          message:
            "Section `Threats` holds a list outside its table: `one item. two lines.`; move the content into a table row or its Comments column.",
          line: 3,
          column: 1,
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
