/**
 * Disallows coverage percentages such as "51% overall coverage". The template's format
 * rules forbid them, although its best-practice list recommends them, and this rule follows
 * the format rules. A percentage is reported when the word "coverage" is in the same sentence
 * (of a paragraph, heading or table cell), or when it sits in a table column whose header
 * says "Coverage". Other percentages, such as quantified impact in a threat, are allowed.
 */

import type { TableCell } from "mdast";
import { defineRule } from "../src/rule.js";
import { rangeOfNode } from "../src/parse/cells.js";
import { allNodes } from "../src/parse/node-index.js";
import { excerpt } from "../src/structure-util.js";
import type { Range, ThreatModel } from "../src/types.js";

/**
 * `51%`, `51.5 %`, `80 percent`. The quantifiers are bounded and the look-behind stops a
 * match from starting inside a run of digits, so a long run cannot make matching quadratic.
 */
const PERCENTAGE = /(?<![\d.,])\d{1,4}(?:[.,]\d{1,3})?[ \t]?(?:%|percent\b)/gi;
const COVERAGE = /\bcoverage\b/gi;
const COVERAGE_COLUMN = /\bcoverage\b/i;

interface Match {
  start: number;
  end: number;
}

export default defineRule<Record<string, never>, "sentence" | "column">({
  meta: {
    id: "no-coverage-percentages",
    description: "Disallow coverage percentages such as \"51% overall coverage\".",
    defaultSeverity: "error",
    schema: { type: "object", properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      sentence:
        "Coverage percentage `{{text}}` is not allowed; remove it and name the threats and controls that are covered instead.",
      column:
        "Column `{{column}}` holds the coverage percentage `{{text}}`; remove it and name the threats and controls that are covered instead.",
    },
  },

  check({ model, report }) {
    const reportedCells = new Set<TableCell>();

    // 1. A percentage and "coverage" in the same sentence.
    for (const { node } of allNodes(model.root)) {
      if (node.type !== "paragraph" && node.type !== "heading" && node.type !== "tableCell") continue;
      const range = rangeOfNode(node);
      if (!range) continue;
      for (const span of coverageSentences(model, range)) {
        if (node.type === "tableCell") reportedCells.add(node);
        report({
          messageId: "sentence",
          data: { text: excerpt(model.text.slice(span.start, span.end), 60) },
          range: model.rangeOf(span.start, span.end),
        });
      }
    }

    // 2. A percentage in a "Coverage" column.
    for (const table of model.tables) {
      for (const column of table.columns) {
        if (!COVERAGE_COLUMN.test(column.name)) continue;
        for (const row of table.rows) {
          const cell = row.cells[column.index];
          if (!cell || reportedCells.has(cell.node)) continue;
          const source = model.text.slice(cell.range.start.offset, cell.range.end.offset);
          for (const match of matchesOf(PERCENTAGE, source)) {
            const start = cell.range.start.offset + match.start;
            const end = cell.range.start.offset + match.end;
            report({
              messageId: "column",
              data: { column: column.name, text: model.text.slice(start, end) },
              range: model.rangeOf(start, end),
            });
          }
        }
      }
    }
  },
});

/**
 * Finds, in the source a range covers, each sentence with both a percentage and the word
 * "coverage", and returns the span from the first of them to the last, as file offsets.
 */
function coverageSentences(model: ThreatModel, range: Range): Match[] {
  const base = range.start.offset;
  const source = model.text.slice(base, range.end.offset);
  const spans: Match[] = [];
  // Most texts never say "coverage"; sentence ends are non-word characters, so a sentence
  // can only match where the whole text does.
  if (!COVERAGE_COLUMN.test(source)) return spans;
  for (const sentence of sentencesOf(source)) {
    const text = source.slice(sentence.start, sentence.end);
    const percentages = matchesOf(PERCENTAGE, text);
    const words = percentages.length === 0 ? [] : matchesOf(COVERAGE, text);
    if (words.length === 0) continue;
    let start = Number.POSITIVE_INFINITY;
    let end = 0;
    for (const match of [...percentages, ...words]) {
      start = Math.min(start, match.start);
      end = Math.max(end, match.end);
    }
    spans.push({ start: base + sentence.start + start, end: base + sentence.start + end });
  }
  return spans;
}

/**
 * Splits text into sentences at `.`, `!`, `?` or `;` before a space, at line endings and at
 * `<br>` and `<p>` tags. A period after a one-letter word ("e.g.") does not end a sentence.
 */
function sentencesOf(text: string): Match[] {
  const sentences: Match[] = [];
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    let boundary = false;
    if (char === "\n" || char === "\r") boundary = true;
    else if (char === "<") boundary = /^<\/?(?:br|p)\b/i.test(text.slice(index, index + 4));
    else if (".!?;".includes(char)) {
      const next = text.charAt(index + 1);
      const atEnd = next === "" || /\s/.test(next);
      const abbreviation = char === "." && text.charAt(index - 2) === ".";
      boundary = atEnd && !abbreviation;
    }
    if (!boundary) continue;
    sentences.push({ start, end: index });
    start = index + 1;
  }
  sentences.push({ start, end: text.length });
  return sentences.filter((sentence) => sentence.end > sentence.start);
}

function matchesOf(pattern: RegExp, text: string): Match[] {
  const matches: Match[] = [];
  for (const match of text.matchAll(pattern)) {
    matches.push({ start: match.index, end: match.index + match[0].length });
  }
  return matches;
}
