/**
 * Requires cross-references in the template's form: `[**T-0001**](#T-0001)`, followed by
 * `: ` and the statement, several in one cell separated by `<br/>`, each in a column that
 * lists that kind of entity. IDs typed as plain text in a link column are reported too.
 */

import type { Link, PhrasingContent } from "mdast";
import { defineRule } from "../src/rule.js";
import { LINKED_KINDS, linkColumnKind, rangeInRun, textRuns, type TextRun } from "../src/content-util.js";
import { entityTitle, tableTitle } from "../src/model-util.js";
import { requireRange, toMarkdownLink } from "../src/parse/cells.js";
import { isBreakTag } from "../src/parse/html.js";
import { ID_PREFIX, kindOfId } from "../src/parse/vocabulary.js";
import { isEntityLink } from "../src/parse/model.js";
import type { Cell, EntityKind, Range, RuleContext, ThreatModel } from "../src/types.js";

type MessageIds = "form" | "textMismatch" | "separator" | "wrongKind" | "joiner" | "breakForm" | "unlinked";
type Report = RuleContext<Record<string, never>, MessageIds>["report"];

/** An ID as typed in text: `T-0001`, `AS-12`. */
const ID_IN_TEXT = /\b([A-Z]{1,2}-\d{1,9})\b/g;

export default defineRule<Record<string, never>, MessageIds>({
  meta: {
    id: "xref-format",
    description: "Require cross-references written as `[**T-0001**](#T-0001)`, separated by `<br/>`, in the column for their kind.",
    defaultSeverity: "error",
    fixable: true,
    schema: { type: "object", properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      form: "Cross-reference `{{written}}` is not in the template's form; write `{{expected}}`.",
      textMismatch: "Link text `{{text}}` names a different ID than its target `#{{target}}`; make the text and the fragment name the same ID.",
      separator: "Text after the link to `{{id}}` does not start with `: `; write `[**{{id}}**](#{{id}}): ` before the statement.",
      wrongKind:
        "{{column}} column of the {{table}} table lists {{expected}} IDs, but this link points at {{actualArticle}} {{actual}} `{{id}}`; move the link or fix the ID.",
      joiner: "Links to `{{previous}}` and `{{id}}` share a line; separate cross-references in a cell with `<br/>`.",
      breakForm: "Line break `{{written}}` between cross-references is not the template's `<br/>`; write `<br/>`.",
      unlinked: "ID `{{id}}` is plain text in a link column; write it as `[**{{id}}**](#{{id}})`.",
    },
  },

  check({ model, report }) {
    // 1. Each cross-reference: its written form, its text and, in a link column, its kind.
    for (const reference of model.crossReferences) {
      if (reference.column?.role === "id") continue;
      const link = reference.link;
      const id = reference.targetId;
      const written = model.text.slice(link.range.start.offset, link.range.end.offset);
      const expected = `[**${id}**](#${id})`;

      if (link.text.trim() !== id) {
        report({ messageId: "textMismatch", data: { text: link.text.trim(), target: id }, range: link.range });
      } else if (written !== expected) {
        report({
          messageId: "form",
          data: { written, expected },
          range: link.range,
          fix: { range: { start: link.range.start.offset, end: link.range.end.offset }, text: expected },
        });
      }

      // In a link column the statement follows `: `; elsewhere, as in Comments, links sit in prose.
      const columnKind = linkColumnKind(reference.row.table, reference.column);
      if (columnKind !== undefined && reference.quote !== "" && !model.text.startsWith(": ", link.range.end.offset)) {
        report({ messageId: "separator", data: { id }, range: link.range });
      }

      if (columnKind !== undefined && reference.targetKind !== undefined && reference.targetKind !== columnKind) {
        const actual = entityTitle(reference.targetKind).toLowerCase();
        report({
          messageId: "wrongKind",
          data: {
            column: reference.column?.name ?? "",
            table: reference.row.table.kind === undefined ? "" : tableTitle(reference.row.table.kind),
            expected: `\`${ID_PREFIX[columnKind] ?? ""}-\``,
            actualArticle: /^[aeiou]/.test(actual) ? "an" : "a",
            actual,
            id,
          },
          range: link.range,
        });
      }
    }

    // 2. Each link-column cell: separators between links and IDs left as plain text.
    for (const table of model.tables) {
      for (const row of table.rows) {
        for (const column of table.columns) {
          if (linkColumnKind(table, column) === undefined) continue;
          const cell = row.cells[column.index];
          if (cell) checkLinkCell(model, cell, report);
        }
      }
    }
  },
});

/** One item of a link cell in reading order. */
type Item =
  | { type: "link"; node: Link; id: string; range: Range }
  | { type: "break"; html: string | undefined; range: Range }
  | { type: "run"; run: TextRun };

function checkLinkCell(model: ThreatModel, cell: Cell, report: Report): void {
  const items = cellItems(model, cell.node.children);
  let previous: string | undefined;
  let brokenSincePrevious = true;
  let linkInSegment = false;

  for (const item of items) {
    if (item.type === "break") {
      brokenSincePrevious = true;
      linkInSegment = false;
      if (previous !== undefined && item.html !== undefined && item.html.trim() !== "<br/>" && isBreakTag(item.html)) {
        report({
          messageId: "breakForm",
          data: { written: item.html.trim() },
          range: item.range,
          fix: { range: { start: item.range.start.offset, end: item.range.end.offset }, text: "<br/>" },
        });
      }
      continue;
    }
    if (item.type === "link") {
      if (previous !== undefined && !brokenSincePrevious) {
        report({ messageId: "joiner", data: { previous, id: item.id }, range: item.range });
      }
      previous = item.id;
      brokenSincePrevious = false;
      linkInSegment = true;
      continue;
    }
    // Text before the first link of a line is not a quote, so an ID there is a missing link.
    if (linkInSegment || item.run.kind !== "text") continue;
    for (const match of item.run.value.matchAll(ID_IN_TEXT)) {
      const id = match[1] ?? "";
      const kind: EntityKind | undefined = kindOfId(id);
      if (kind === undefined || !LINKED_KINDS.has(kind)) continue;
      const range = rangeInRun(model, item.run, match.index, match.index + id.length);
      if (range) report({ messageId: "unlinked", data: { id }, range });
    }
  }
}

/** Flattens a cell into entity links, line breaks and text runs; other links count as text. */
function cellItems(model: ThreatModel, children: readonly PhrasingContent[]): Item[] {
  const items: Item[] = [];
  const walk = (nodes: readonly PhrasingContent[]): void => {
    for (const node of nodes) {
      if (node.type === "link") {
        const link = toMarkdownLink(node);
        if (isEntityLink(link)) {
          items.push({ type: "link", node, id: link.fragment ?? "", range: requireRange(node) });
          continue;
        }
      }
      if (node.type === "emphasis" || node.type === "strong" || node.type === "delete") {
        walk(node.children);
        continue;
      }
      if (node.type === "html" && !isBreakTag(node.value) && !/^<\/?p\s*>$/i.test(node.value.trim())) continue;
      for (const run of textRuns(model, [node])) {
        if (run.kind === "break") {
          items.push({ type: "break", html: node.type === "html" ? node.value : undefined, range: run.range ?? requireRange(node) });
        } else {
          items.push({ type: "run", run });
        }
      }
    }
  };
  walk(children);
  return items;
}
