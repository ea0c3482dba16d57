/**
 * Requires every table row to have as many cells as the header, and reports the shapes that
 * GFM reads differently from what the author meant: a delimiter row that does not match the
 * header (no table at all), a cell continued on the next line (a new one-cell row), and a
 * row-like line after a table in a block quote (a paragraph, not a row).
 */

import { defineRule } from "../src/rule.js";
import { brokenTables } from "../src/model-util.js";
import { requireRange } from "../src/parse/cells.js";
import { nodesOfType } from "../src/parse/node-index.js";
import { kindOfId } from "../src/parse/vocabulary.js";
import type { Row } from "../src/types.js";

type MessageIds = "tooFew" | "tooMany" | "tooManyCode" | "continued" | "headerDelimiter" | "lazyRow";

export default defineRule<Record<string, never>, MessageIds>({
  meta: {
    id: "table-row-shape",
    description: "Require every table row to have as many cells as its header.",
    defaultSeverity: "error",
    schema: { type: "object", properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      tooFew: "Row has {{count}} cells but the header has {{expected}}; add the missing cells for {{missing}}.",
      tooMany: "Row has {{count}} cells but the header has {{expected}}; the cells after `{{last}}` are not rendered.",
      tooManyCode:
        "Row has {{count}} cells but the header has {{expected}}; a `|` inside code still splits the cell, escape it as `\\|`.",
      continued:
        "Row has 1 cell and no ID: `{{text}}` looks like a cell continued on a new line; a cell cannot span lines, use `<br/>` instead.",
      headerDelimiter:
        "Table header has {{header}} cells but the delimiter row has {{delimiter}}; this renders as text, not as a table.",
      lazyRow: "Line `{{text}}` after the quoted table is not a row of it; start the line with `>` or leave a blank line before it.",
    },
  },

  check({ model, report }) {
    // 1. Rows against their header.
    for (const table of model.tables) {
      const expected = table.columns.length;
      let previous: Row | undefined;
      for (const row of table.rows) {
        const count = row.cells.length;
        if (count === expected) {
          previous = row;
          continue;
        }
        if (count < expected && previous && looksContinued(row)) {
          report({ messageId: "continued", data: { text: row.cells[0]?.text ?? "" }, range: row.range });
        } else if (count < expected) {
          const missing = table.columns.slice(count).map((column) => `\`${column.name}\``).join(", ");
          report({ messageId: "tooFew", data: { count, expected, missing }, range: row.range });
        } else {
          const extra = row.cells.slice(expected);
          const first = extra[0];
          const last = extra[extra.length - 1];
          if (first && last) {
            const splitCode = row.cells.some((cell) => countBackticks(cell.raw) % 2 === 1);
            report({
              messageId: splitCode ? "tooManyCode" : "tooMany",
              data: { count, expected, last: table.columns[expected - 1]?.name ?? "" },
              range: { start: first.range.start, end: last.range.end },
            });
          }
        }
        previous = row;
      }
    }

    // 2. Paragraphs that were meant as tables.
    for (const broken of brokenTables(model)) {
      report({
        messageId: "headerDelimiter",
        data: { header: broken.headerCells, delimiter: broken.delimiterCells },
        range: { start: broken.range.start, end: model.rangeOf(broken.range.start.offset, endOfLine(model.text, broken.range.start.offset)).end },
      });
    }

    // 3. A row-like paragraph right after a block quote that ends in a table.
    for (const { node: quote, index, parent } of nodesOfType(model.root, "blockquote")) {
      if (!parent || index === undefined) continue;
      const last = quote.children[quote.children.length - 1];
      const next = parent.children[index + 1];
      if (last?.type !== "table" || next?.type !== "paragraph") continue;
      const range = requireRange(next);
      // After a blank line the paragraph cannot be read as a row, so it is no finding.
      if (range.start.line !== requireRange(quote).end.line + 1) continue;
      const lineEnd = endOfLine(model.text, range.start.offset);
      const text = model.text.slice(range.start.offset, lineEnd);
      if (!text.includes("|")) continue;
      report({ messageId: "lazyRow", data: { text }, range: model.rangeOf(range.start.offset, lineEnd) });
    }
  },
});

/** A lone cell without an ID after a full row: the tail of a cell that was wrapped. */
function looksContinued(row: Row): boolean {
  if (row.cells.length !== 1) return false;
  const text = row.cells[0]?.text ?? "";
  if (text === "") return false;
  const first = text.split(/\s/)[0] ?? "";
  return kindOfId(first) === undefined && !/^[A-Za-z]{1,3}-?\d/.test(first);
}

function countBackticks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 96) count++;
  return count;
}

function endOfLine(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return end;
}
