/**
 * Tables: their kind (by heading or by column signature), columns, rows and cells. Also the
 * GFM table shapes that other linters get wrong: pipes in code, escaped pipes, ragged rows,
 * a header that disagrees with its delimiter row, wrapped cells and tables in containers.
 */

import type { InlineCode } from "mdast";
import { describe, expect, it } from "vitest";
import { builtinRules } from "../../rules/index.js";
import tableRowShape from "../../rules/table-row-shape.js";
import { runRules } from "../../src/engine.js";
import { parseMarkdown } from "../../src/parse/markdown.js";
import { parseThreatModel } from "../../src/parse/model.js";
import type { Range, Table } from "../../src/types.js";
import { findings, md } from "../helpers.js";

function at(range: Range | undefined): string {
  if (!range) return "none";
  return `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}`;
}

function onlyTable(text: string): Table {
  const tables = parseThreatModel(text).tables;
  expect(tables).toHaveLength(1);
  return tables[0] as Table;
}

/** Lists each row's cells as [text, position] pairs. */
function cellsOf(table: Table): [string, string][][] {
  return table.rows.map((row) => row.cells.map((cell) => [cell.text, at(cell.range)]));
}

describe("table kind", () => {
  it("follows the section heading", () => {
    const table = onlyTable(md("## Threats", "", "| # | Statement | Linked Mitigations |", "| --- | --- | --- |"));
    expect(table.kind).toBe("threats");
    expect(table.recognisedBy).toBe("heading");
    expect(table.section?.kind).toBe("threats");
  });

  it("follows a dataflow sub-section heading", () => {
    const table = onlyTable(md("## Dataflow", "", "### Trust Boundaries", "", "| Boundary | Purpose |", "| --- | --- |"));
    expect(table.kind).toBe("trust-boundaries");
    expect(table.recognisedBy).toBe("heading");
    expect(table.heading?.text).toBe("Trust Boundaries");
  });

  it("follows the column signature under an unknown heading", () => {
    const table = onlyTable(md("## Register", "", "| Threat Number | Threat |", "| --- | --- |", "| T-0001 | Replay |"));
    expect(table.kind).toBe("threats");
    expect(table.recognisedBy).toBe("columns");
    expect(table.section).toBeUndefined();
  });

  it("follows the column signature before any heading", () => {
    const table = onlyTable(md("| Control # | Control Name |", "| --- | --- |"));
    expect(table.kind).toBe("existing-controls");
    expect(table.recognisedBy).toBe("columns");
  });

  it("prefers the columns over a section they contradict", () => {
    const table = onlyTable(md("## Residual Threats", "", "### Notes", "", "| Threat Number | Threat |", "| --- | --- |"));
    expect(table.kind).toBe("threats");
    expect(table.recognisedBy).toBe("columns");
    expect(table.section?.kind).toBe("residual-threats");
  });

  // A STRIDE summary under Residual Threats is not the residual-threats table.
  it("leaves a summary table in an entity section unknown", () => {
    const table = onlyTable(md("## Residual Threats", "", "| STRIDE | Count |", "| --- | --- |", "| S | 2 |"));
    expect(table.kind).toBeUndefined();
    expect(table.recognisedBy).toBeUndefined();
  });

  const signatures: [string, string][] = [
    // [header row, kind]
    ["| Assumption Number | Assumption |", "assumptions"],
    ["| Threat # | Threat |", "threats"],
    ["| Mitigation ID | Mitigation |", "mitigations"],
    ["| Assets Number | Asset |", "impacted-assets"],
    ["| Control Number | Control Name |", "existing-controls"],
    ["| Residual Threat Number | Residual Threat |", "residual-threats"],
    ["| Flow Identifier | Flow Description |", "data-flows"],
    ["| Boundary Identifier | Purpose |", "trust-boundaries"],
    ["| Entity | Description |", "entities"],
    ["| Category | Description | Examples |", "threat-sources"],
  ];

  it.each(signatures)("reads %s by its columns", (header, kind) => {
    const columns = header.split("|").length - 2;
    const table = onlyTable(md(header, "|" + " --- |".repeat(columns)));
    expect(table.kind).toBe(kind);
  });

  it("leaves a table with unknown columns unknown", () => {
    expect(onlyTable(md("| Key | Value |", "| --- | --- |")).kind).toBeUndefined();
  });
});

describe("columns and rows", () => {
  const table = onlyTable(
    md(
      "## Mitigations",
      "",
      "| ID | Mitigation | Threats Mitigated | Owner |",
      "| --- | --- | --- | --- |",
      "| M-0001 | Nonces | [T-0001](#T-0001) | Platform |",
      "| M-0002 | Expiry | | |",
    ),
  );

  it("maps aliases to their column roles", () => {
    expect(table.columns.map((column) => [column.name, column.role, column.index, at(column.range)])).toEqual([
      ["ID", "id", 0, "3:3-3:5"],
      ["Mitigation", "mitigation", 1, "3:8-3:18"],
      ["Threats Mitigated", "threats-mitigating", 2, "3:21-3:38"],
      ["Owner", undefined, 3, "3:41-3:46"],
    ]);
  });

  it("looks columns up by role", () => {
    expect(table.column("threats-mitigating")?.index).toBe(2);
    expect(table.column("status")).toBeUndefined();
  });

  it("numbers rows below the header", () => {
    expect(table.header.index).toBe(0);
    expect(table.rows.map((row) => [row.index, at(row.range)])).toEqual([
      [1, "5:1-5:51"],
      [2, "6:1-6:24"],
    ]);
  });

  it("places the table and ties it to its section", () => {
    expect(at(table.range)).toBe("3:1-6:24");
    expect(table.section?.kind).toBe("mitigations");
    expect(table.section?.tables).toEqual([table]);
  });
});

describe("cells", () => {
  it("reads every br form as a line break", () => {
    const table = onlyTable(md("| ID | Steps |", "| --- | --- |", "| RT-0001 | Send forged token<br>Replay it<br/>Check for 200<BR />Done<br />End |"));
    const cell = table.rows[0]?.cells[1];
    expect(cell?.text).toBe("Send forged token\nReplay it\nCheck for 200\nDone\nEnd");
    expect(cell?.html.map((fragment) => [fragment.value, at(fragment.range)])).toEqual([
      ["<br>", "3:30-3:34"],
      ["<br/>", "3:43-3:48"],
      ["<BR />", "3:61-3:67"],
      ["<br />", "3:71-3:77"],
    ]);
  });

  it("drops trailing breaks from the text", () => {
    const table = onlyTable(md("| ID | Steps |", "| --- | --- |", "| T-0001 | One<br/> |"));
    expect(table.rows[0]?.cells[1]?.text).toBe("One");
  });

  it("keeps links, inline HTML and the source text", () => {
    const table = onlyTable(
      md("| ID | Notes |", "| --- | --- |", "| T-0001 | a <b>bold</b> [see](#T-0002) <span>s</span> `code` ~~old~~ ![chart](c.png) |"),
    );
    const cell = table.rows[0]?.cells[1];
    expect(cell?.text).toBe("a bold see s code old chart");
    expect(cell?.raw).toBe("a <b>bold</b> [see](#T-0002) <span>s</span> `code` ~~old~~ ![chart](c.png)");
    expect(cell?.links.map((link) => [link.url, link.fragment, link.text, at(link.range)])).toEqual([["#T-0002", "T-0002", "see", "3:26-3:40"]]);
    expect(cell?.html.map((fragment) => fragment.value)).toEqual(["<b>", "</b>", "<span>", "</span>"]);
    expect(at(cell?.range)).toBe("3:12-3:86");
    expect(cell?.index).toBe(1);
  });

  // A cell's range covers its value, not the pipe before it or the padding around it. An
  // empty cell has no value, so its range is the padding between its pipes.
  it.each([
    ["values between padding", "| T-0001 | Replay |", ["3:3-3:9", "3:12-3:18"]],
    ["values without padding", "|T-0001|Replay|", ["3:2-3:8", "3:9-3:15"]],
    ["a row without outer pipes", "T-0001 | Replay", ["3:1-3:7", "3:10-3:16"]],
    ["emphasis and code at the edges", "| **T-0001** | `Replay` it |", ["3:3-3:13", "3:16-3:27"]],
    ["an empty last cell", "| T-0001 |  |", ["3:3-3:9", "3:11-3:13"]],
    ["an empty middle cell", "|   | Replay |", ["3:2-3:5", "3:7-3:13"]],
    ["an empty cell without padding", "| T-0001 ||", ["3:3-3:9", "3:11-3:11"]],
  ])("ranges cells of %s", (_name, row, expected) => {
    const table = onlyTable(md("| ID | Threat |", "| --- | --- |", row));
    expect(table.rows[0]?.cells.map((cell) => at(cell.range))).toEqual(expected);
  });

  it("ranges header cells at their names", () => {
    const table = onlyTable(md("|  ID  | Threat|", "| --- | --- |"));
    expect(table.columns.map((column) => at(column.range))).toEqual(["1:4-1:6", "1:10-1:16"]);
  });

  it("reads escapes and entities in the text", () => {
    const table = onlyTable(md("| ID | Notes |", "| --- | --- |", "| T-0001 | a \\* b &amp; c |"));
    expect(table.rows[0]?.cells[1]?.text).toBe("a * b & c");
  });
});

describe("cell splitting follows GFM", () => {
  // A pipe inside backticks still ends the cell: rows are split before inline parsing.
  it("splits a cell at a pipe inside code", () => {
    const text = md("| ID | Mitigation |", "| --- | --- |", "| M-0001 | Run `grep x | sort` nightly |");
    const table = onlyTable(text);
    expect(cellsOf(table)).toEqual([
      [
        ["M-0001", "3:3-3:9"],
        ["Run `grep x", "3:12-3:23"],
        ["sort` nightly", "3:26-3:39"],
      ],
    ]);
    expect(findings(tableRowShape, text)).toEqual([
      {
        messageId: "tooManyCode",
        message: "Row has 3 cells but the header has 2; a `|` inside code still splits the cell, escape it as `\\|`.",
        line: 3,
        column: 26,
        endLine: 3,
        endColumn: 39,
      },
    ]);
  });

  // An escaped pipe stays in the cell, in text and in code. A doubled backslash escapes
  // the backslash, so the pipe after it splits the row.
  it("keeps escaped pipes and splits after a doubled backslash", () => {
    const text = md(
      "| ID | Condition |",
      "| --- | --- |",
      "| A-0001 | role is admin \\| owner |",
      "| A-0002 | `role \\| owner` |",
      "| A-0003 | path ends in \\\\| x |",
    );
    const table = onlyTable(text);
    expect(cellsOf(table)).toEqual([
      [
        ["A-0001", "3:3-3:9"],
        ["role is admin | owner", "3:12-3:34"],
      ],
      [
        ["A-0002", "4:3-4:9"],
        ["role | owner", "4:12-4:27"],
      ],
      [
        ["A-0003", "5:3-5:9"],
        ["path ends in \\", "5:12-5:27"],
        ["x", "5:29-5:30"],
      ],
    ]);
    expect(findings(tableRowShape, text)).toEqual([
      {
        messageId: "tooMany",
        message: "Row has 3 cells but the header has 2; the cells after `Condition` are not rendered.",
        line: 5,
        column: 29,
        endLine: 5,
        endColumn: 30,
      },
    ]);
  });

  // The code value loses the escape, so it is shorter than its source; positions come
  // from the node, never from an index into the value.
  it("takes code positions from the node, not the value", () => {
    const text = md("| ID | Evidence |", "| --- | --- |", "| EC-0001 | `cfg \\| jq .auth` |");
    const table = onlyTable(text);
    const cell = table.rows[0]?.cells[1];
    const code = cell?.node.children[0] as InlineCode;
    expect(code.type).toBe("inlineCode");
    expect(code.value).toBe("cfg | jq .auth");
    expect(code.value).toHaveLength(14);
    expect(code.position?.start).toEqual({ line: 3, column: 13, offset: 44 });
    expect(code.position?.end).toEqual({ line: 3, column: 30, offset: 61 });
    expect(text.slice(44, 61)).toBe("`cfg \\| jq .auth`");
    expect(cell?.text).toBe("cfg | jq .auth");
    expect(cell?.raw).toBe("`cfg \\| jq .auth`");
  });
});

describe("table shape", () => {
  // Ragged rows stay as written: no padding, no truncation.
  it("keeps rows with too few and too many cells", () => {
    const text = md(
      "| ID | Threat | Mitigation |",
      "| --- | --- | --- |",
      "| T-0001 | Token replay |",
      "| T-0002 | Log tampering | M-0002 | stray |",
      "",
      "| ID | Threat |",
      "| --- |",
      "| T-0003 | Spoofing |",
    );
    const model = parseThreatModel(text);
    expect(model.tables).toHaveLength(1);
    expect(model.tables[0]?.rows.map((row) => row.cells.length)).toEqual([2, 4]);
    expect(model.root.children.map((node) => [node.type, at(node.position as Range)])).toEqual([
      ["table", "1:1-4:44"],
      ["paragraph", "6:1-8:22"],
    ]);
    expect(findings(tableRowShape, text)).toEqual([
      {
        messageId: "tooFew",
        message: "Row has 2 cells but the header has 3; add the missing cells for `Mitigation`.",
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 26,
      },
      {
        messageId: "tooMany",
        message: "Row has 4 cells but the header has 3; the cells after `Mitigation` are not rendered.",
        line: 4,
        column: 37,
        endLine: 4,
        endColumn: 42,
      },
      {
        messageId: "headerDelimiter",
        message: "Table header has 2 cells but the delimiter row has 1; this renders as text, not as a table.",
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 16,
      },
    ]);
  });

  it("reads br tags in a cell without throwing", () => {
    const text = md("| ID | Steps |", "| --- | --- |", "| RT-0001 | Send forged token<br>Replay it<br/>Check for 200<BR /> |");
    const table = onlyTable(text);
    expect(table.rows[0]?.cells[1]?.text).toBe("Send forged token\nReplay it\nCheck for 200");
    expect(findings(tableRowShape, text)).toEqual([]);
  });

  // A cell cannot continue on the next line: the next line becomes a one-cell row.
  it("reads a wrapped cell as a new row", () => {
    const text = md("| ID | Impact |", "| --- | --- |", "| T-0003 | Data loss", "and downtime |");
    const table = onlyTable(text);
    expect(cellsOf(table)).toEqual([
      [
        ["T-0003", "3:3-3:9"],
        ["Data loss", "3:12-3:21"],
      ],
      [["and downtime", "4:1-4:13"]],
    ]);
    expect(findings(tableRowShape, text)).toEqual([
      {
        messageId: "continued",
        message:
          "Row has 1 cell and no ID: `and downtime` looks like a cell continued on a new line; a cell cannot span lines, use `<br/>` instead.",
        line: 4,
        column: 1,
        endLine: 4,
        endColumn: 15,
      },
    ]);
  });

  // remark-gfm lets a table interrupt a paragraph, with or without leading pipes, although
  // GitHub keeps the pipe-less form in the paragraph; table-blank-line-before reports it.
  it.each([
    ["without leading pipes", md("Assets in scope:", "ID | Asset", "--- | ---", "AS-0001 | Session store")],
    ["with leading pipes", md("Assets in scope:", "| ID | Asset |", "| --- | --- |", "| AS-0001 | Session store |")],
  ])("lets a table interrupt a paragraph %s", (_form, text) => {
    const root = parseMarkdown(text);
    expect(root.children.map((node) => [node.type, node.position?.start.line])).toEqual([
      ["paragraph", 1],
      ["table", 2],
    ]);
    expect(findings(tableRowShape, text)).toEqual([]);
  });

  it("reads tables in a quote and a list", () => {
    const text = md(
      "> ID | Control",
      "> --- | ---",
      "> M-0003 | Rate limit",
      "M-0004 | Lockout",
      "",
      "- Controls for AS-0001:",
      "  | ID | Control |",
      "  | --- | --- |",
      "  | M-0005 | MFA |",
    );
    const model = parseThreatModel(text);
    expect(model.root.children.map((node) => [node.type, at(node.position as Range)])).toEqual([
      ["blockquote", "1:1-3:22"],
      ["paragraph", "4:1-4:17"],
      ["list", "6:1-9:19"],
    ]);
    expect(model.tables.map((table) => [at(table.range), table.rows.map((row) => row.cells[0]?.text)])).toEqual([
      ["1:3-3:22", ["M-0003"]],
      ["7:3-9:19", ["M-0005"]],
    ]);
    expect(findings(tableRowShape, text)).toEqual([
      {
        messageId: "lazyRow",
        message: "Line `M-0004 | Lockout` after the quoted table is not a row of it; start the line with `>` or leave a blank line before it.",
        line: 4,
        column: 1,
        endLine: 4,
        endColumn: 17,
      },
    ]);
  });
});

describe("unexpected nodes in cells and headings", () => {
  // Every phrasing node type that GFM produces, in one string. Image references and
  // footnote references add no text; an image adds its alt text.
  const phrasing = [
    "text",
    "*em*",
    "**strong**",
    "~~del~~",
    "`code`",
    "[link](#T-0001)",
    "[ref][r]",
    "[r]",
    "![image](i.png)",
    "![imageref][r]",
    "[^note]",
    "<span>html</span>",
    "<br/>",
    "https://example.com",
    "&amp;",
    "\\*",
  ].join(" ");
  const definitions = md("", "[r]: #T-0002", "[^note]: A footnote.");

  it("reads every phrasing node in a cell", () => {
    const text = md("## Threats", "", "| Threat Number | Threat |", "| --- | --- |", `| T-0001 | ${phrasing} |`) + definitions;
    const model = parseThreatModel(text);
    const cell = model.tables[0]?.rows[0]?.cells[1];
    expect(cell?.text).toBe("text em strong del code link ref r image   html \n https://example.com & *");
    expect(cell?.links.map((link) => link.url)).toEqual(["#T-0001", "https://example.com"]);
    expect(model.crossReferences.map((reference) => reference.targetId)).toEqual(["T-0001"]);
  });

  it("slugs a heading with every phrasing node", () => {
    const model = parseThreatModel(md(`## ${phrasing}`) + definitions);
    expect(model.headings[0]?.slug).toBe("text-em-strong-del-code-link-ref-r-image---html--httpsexamplecom--");
  });

  it("runs every rule on them without a failure", () => {
    const text =
      md("# Title", "", `## Threats ${phrasing}`, "", "## Threats", "", "| Threat Number | Threat |", "| --- | --- |", `| T-0001 | ${phrasing} |`) +
      definitions;
    const model = parseThreatModel(text);
    const diagnostics = runRules(
      model,
      builtinRules.map((rule) => ({ rule, severity: "error" as const, options: { ...(rule.meta.defaultOptions as object) } })),
    );
    const failures = diagnostics.filter((diagnostic) => diagnostic.message.includes("failed on this file"));
    expect(failures).toEqual([]);
  });

  // unist-util-visit reads a number returned by a visitor as the next index, so a visitor
  // that returns one would skip or repeat siblings. Each link must be reported once.
  it("reports each broken link exactly once", () => {
    const text = md("[a](#x1) [b](#x2) [c](#x3)", "", "| ID | Notes |", "| --- | --- |", "| T-0001 | [d](#x4) [e](#x5) |");
    const model = parseThreatModel(text);
    expect(model.fragmentLinks.map((link) => link.fragment)).toEqual(["x1", "x2", "x3", "x4", "x5"]);
    const rule = builtinRules.find((candidate) => candidate.meta.id === "xref-target-exists");
    expect(rule).toBeDefined();
    if (!rule) return;
    const diagnostics = runRules(model, [{ rule, severity: "error", options: {} }]);
    expect(diagnostics.map((diagnostic) => at(diagnostic.range))).toEqual(["1:1-1:9", "1:10-1:18", "1:19-1:27", "5:12-5:20", "5:21-5:29"]);
  });
});
