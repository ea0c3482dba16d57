import { describe, expect, it } from "vitest";
import rule from "../../rules/html-in-cells.js";
import { findings, md, type Finding } from "../helpers.js";

const head = md("| ID | Comments |", "| --- | --- |");
const row = (cell: string): string => head + md(`| T-0001 | ${cell} |`);
// Cells start at column 12 of the row: `| T-0001 | `.
const at = (start: number, end: number): Pick<Finding, "line" | "column" | "endLine" | "endColumn"> => ({
  line: 3,
  column: 12 + start,
  endLine: 3,
  endColumn: 12 + end,
});
const ALLOWED =
  "`<br>`, `<p>`, `<a>`, `<b>`, `<strong>`, `<i>`, `<em>`, `<code>`, `<u>`, `<s>`, `<del>`, `<sub>`, `<sup>`, `<kbd>` or `<mark>`";

describe("html-in-cells", () => {
  const valid: [string, string, Record<string, unknown>][] = [
    ["line breaks in every spelling", row("a<br/>b<br>c<BR />d"), {}],
    ["closed paragraphs", row("<p>One</p><p>Two</p>"), {}],
    ["an anchor in the ID cell", head + md('| <a name="T-0001"></a>T-0001 | x |'), {}],
    ["nested inline formatting", row("<p><strong>SEC-02</strong> and <em>SEC-03</em></p>"), {}],
    ["a tag inside code is text", row("`<script>` and `<p>`"), {}],
    ["a comment", row("<!-- note --> text"), {}],
    ["lists when the options allow them", row("<ul><li>One</li></ul>"), { allowed: ["ul", "li"] }],
    ["a table with a header only", head, {}],
    ["empty document", "", {}],
  ];
  it.each(valid)("accepts %s", (_name, text, options) => {
    expect(findings(rule, text, options)).toEqual([]);
  });

  const invalid: [string, string, Record<string, unknown>, Finding[]][] = [
    [
      // The template's own residual-threat example: `<p>` written where `</p>` was meant.
      "paragraphs that are never closed",
      row("<p>SEC-04<p><p>Steps</p>"),
      {},
      [
        {
          messageId: "unclosed",
          message: "Tag `<p>` is not closed in this cell; add `</p>` where its content ends.",
          ...at(0, 3),
        },
        {
          messageId: "unclosed",
          message: "Tag `<p>` is not closed in this cell; add `</p>` where its content ends.",
          ...at(9, 12),
        },
      ],
    ],
    [
      "a tag left open inside a closed one",
      row("<p><strong>x</p>"),
      {},
      [
        {
          messageId: "unclosed",
          message: "Tag `<strong>` is not closed in this cell; add `</strong>` where its content ends.",
          ...at(3, 11),
        },
      ],
    ],
    [
      "a closing tag without an opening one",
      row("text</em>"),
      {},
      [
        {
          messageId: "stray",
          message: "Closing tag `</em>` has no opening tag in this cell; remove it or add `<em>` where its content starts.",
          ...at(4, 9),
        },
      ],
    ],
    [
      "a tag the template does not use",
      row('<div class="x">Note</div>'),
      {},
      [
        {
          messageId: "notAllowed",
          message: `Tag \`<div class="x">\` is not allowed in a table cell; use ${ALLOWED}, or write the content as Markdown.`,
          ...at(0, 15),
        },
      ],
    ],
    [
      "a list when only line breaks are allowed, once per tag name",
      row("<ul><li>One</li><li>Two</li></ul>"),
      { allowed: ["br"] },
      [
        {
          messageId: "notAllowed",
          message: "Tag `<ul>` is not allowed in a table cell; use `<br>`, or write the content as Markdown.",
          ...at(0, 4),
        },
        {
          messageId: "notAllowed",
          message: "Tag `<li>` is not allowed in a table cell; use `<br>`, or write the content as Markdown.",
          ...at(4, 8),
        },
      ],
    ],
    [
      "a closing tag alone that is not allowed",
      row("text</div>"),
      {},
      [
        {
          messageId: "notAllowed",
          message: `Tag \`</div>\` is not allowed in a table cell; use ${ALLOWED}, or write the content as Markdown.`,
          ...at(4, 10),
        },
      ],
    ],
    [
      "a tag open in a header cell",
      md("| ID | <b>Notes |", "| --- | --- |"),
      {},
      [
        {
          messageId: "unclosed",
          message: "Tag `<b>` is not closed in this cell; add `</b>` where its content ends.",
          line: 1,
          column: 8,
          endLine: 1,
          endColumn: 11,
        },
      ],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, options, expected) => {
    expect(findings(rule, text, options)).toEqual(expected);
  });
});
