import { describe, expect, it } from "vitest";
import rule from "../../rules/table-row-shape.js";
import { findings, md, type Finding } from "../helpers.js";

const tooFew = (count: number, expected: number, missing: string): string =>
  `Row has ${count} cells but the header has ${expected}; add the missing cells for ${missing}.`;
const tooMany = (count: number, expected: number, last: string): string =>
  `Row has ${count} cells but the header has ${expected}; the cells after \`${last}\` are not rendered.`;
const tooManyCode = (count: number, expected: number): string =>
  `Row has ${count} cells but the header has ${expected}; a \`|\` inside code still splits the cell, escape it as \`\\|\`.`;
const continued = (text: string): string =>
  `Row has 1 cell and no ID: \`${text}\` looks like a cell continued on a new line; a cell cannot span lines, use \`<br/>\` instead.`;
const headerDelimiter = (header: number, delimiter: number): string =>
  `Table header has ${header} cells but the delimiter row has ${delimiter}; this renders as text, not as a table.`;
const lazyRow = (text: string): string =>
  `Line \`${text}\` after the quoted table is not a row of it; start the line with \`>\` or leave a blank line before it.`;

const header = md("| ID | Threat | Mitigation |", "| --- | --- | --- |");

describe("table-row-shape", () => {
  const valid: [string, string][] = [
    ["rows as wide as the header", header + md("| T-0001 | Replay | M-0001 |", "| T-0002 | Tampering | M-0002 |")],
    ["a header without rows", header],
    ["empty cells", header + md("| T-0001 | | |")],
    ["escaped pipes", header + md("| T-0001 | a \\| b | `c \\| d` |")],
    ["br tags in cells", header + md("| T-0001 | one<br>two<br/>three | M-0001<BR />M-0002 |")],
    ["rows without outer pipes", md("ID | Threat", "--- | ---", "T-0001 | Replay")],
    ["a quoted table and a blank line", md("> | ID | Control |", "> | --- | --- |", "> | M-0001 | MFA |", "", "M-0002 | Lockout")],
    ["text with a pipe after a paragraph", md("Either a | b.", "", "Plain text.")],
    ["an empty file", ""],
  ];
  it.each(valid)("accepts %s", (_name, text) => {
    expect(findings(rule, text)).toEqual([]);
  });

  const invalid: [string, string, Finding[]][] = [
    [
      // A missing cell is missing content; the whole row is the place.
      "a row with too few cells",
      header + md("| T-0001 | Replay |"),
      [{ messageId: "tooFew", message: tooFew(2, 3, "`Mitigation`"), line: 3, column: 1, endLine: 3, endColumn: 20 }],
    ],
    [
      // Each missing column is named.
      "a row with one cell and an ID",
      header + md("| T-0001 |"),
      [{ messageId: "tooFew", message: tooFew(1, 3, "`Threat`, `Mitigation`"), line: 3, column: 1, endLine: 3, endColumn: 11 }],
    ],
    [
      // The extra cells, from the first to the last, are the place.
      "a row with too many cells",
      header + md("| T-0001 | Replay | M-0001 | stray | more |"),
      [{ messageId: "tooMany", message: tooMany(5, 3, "Mitigation"), line: 3, column: 30, endLine: 3, endColumn: 42 }],
    ],
    [
      // A pipe inside code splits the cell, and the message says how to escape it.
      "a pipe inside code",
      md("| ID | Mitigation |", "| --- | --- |", "| M-0001 | Run `grep x | sort` nightly |"),
      [{ messageId: "tooManyCode", message: tooManyCode(3, 2), line: 3, column: 26, endLine: 3, endColumn: 39 }],
    ],
    [
      // A doubled backslash escapes itself, so the pipe after it splits the row.
      "a doubled backslash before a pipe",
      md("| ID | Condition |", "| --- | --- |", "| A-0003 | path ends in \\\\| x |"),
      [{ messageId: "tooMany", message: tooMany(3, 2, "Condition"), line: 3, column: 29, endLine: 3, endColumn: 30 }],
    ],
    [
      // The next line of a wrapped cell is its own one-cell row.
      "a cell continued on the next line",
      header + md("| T-0003 | Data loss | M-0001", "and downtime |"),
      [{ messageId: "continued", message: continued("and downtime"), line: 4, column: 1, endLine: 4, endColumn: 15 }],
    ],
    [
      // Right after the header there is no row to continue, so the row is short.
      "a lone cell right after the header",
      header + md("| and downtime |"),
      [{ messageId: "tooFew", message: tooFew(1, 3, "`Threat`, `Mitigation`"), line: 3, column: 1, endLine: 3, endColumn: 17 }],
    ],
    [
      // GFM renders no table when the delimiter row disagrees; reported at the header line.
      "a delimiter row with fewer cells",
      md("## Threats", "", "| ID | Threat |", "| --- |", "| T-0003 | Spoofing |"),
      [{ messageId: "headerDelimiter", message: headerDelimiter(2, 1), line: 3, column: 1, endLine: 3, endColumn: 16 }],
    ],
    [
      // The same with CRLF line endings.
      "a delimiter row with more cells and CRLF",
      "| ID | Threat |\r\n| --- | --- | --- |\r\n",
      [{ messageId: "headerDelimiter", message: headerDelimiter(2, 3), line: 1, column: 1, endLine: 1, endColumn: 16 }],
    ],
    [
      // An unquoted line after a quoted table is a paragraph, not a row.
      "a lazy row after a quoted table",
      md("> ID | Control", "> --- | ---", "> M-0003 | Rate limit", "M-0004 | Lockout"),
      [{ messageId: "lazyRow", message: lazyRow("M-0004 | Lockout"), line: 4, column: 1, endLine: 4, endColumn: 17 }],
    ],
    [
      // Tables nested in list items are checked too.
      "a short row in a list item",
      md("- Controls:", "", "  | ID | Control |", "  | --- | --- |", "  | M-0005 |"),
      [{ messageId: "tooFew", message: tooFew(1, 2, "`Control`"), line: 5, column: 3, endLine: 5, endColumn: 13 }],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, expected) => {
    expect(findings(rule, text)).toEqual(expected);
  });
});
