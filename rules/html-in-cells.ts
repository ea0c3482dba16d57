/**
 * Requires table cells to use only the HTML the template allows (`<br/>`, `<p>`, anchors
 * and basic inline formatting) and to close every tag they open. An open `<p>` or `<a>`
 * runs on into the following cells when GitHub renders the table. Void elements such as
 * `<br>` need no closing tag. Raw HTML only: `<script>` inside backticks is code, not HTML.
 */

import { defineRule, listOf } from "../src/rule.js";
import { scanTags, type HtmlTag } from "../src/parse/html.js";
import { TEMPLATE_CELL_TAGS } from "../src/structure-util.js";
import type { Cell, Range, ThreatModel } from "../src/types.js";

interface Options {
  /** Tag names allowed in cells, lower case. */
  allowed: string[];
}

/** Elements that never take a closing tag. */
const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);


interface OpenTag {
  tag: HtmlTag;
  range: Range;
}

export default defineRule<Options, "notAllowed" | "unclosed" | "stray">({
  meta: {
    id: "html-in-cells",
    description: "Require table cells to use only allowed HTML tags and to close every tag they open.",
    defaultSeverity: "error",
    schema: {
      type: "object",
      properties: {
        allowed: { type: "array", items: { type: "string", pattern: "^[a-z][a-z0-9-]*$" }, uniqueItems: true },
      },
      additionalProperties: false,
    },
    defaultOptions: { allowed: [...TEMPLATE_CELL_TAGS] },
    messages: {
      notAllowed: "Tag `{{tag}}` is not allowed in a table cell; use {{allowed}}, or write the content as Markdown.",
      unclosed: "Tag `{{tag}}` is not closed in this cell; add `</{{name}}>` where its content ends.",
      stray: "Closing tag `{{tag}}` has no opening tag in this cell; remove it or add `<{{name}}>` where its content starts.",
    },
  },

  check({ model, options, report }) {
    const allowed = new Set(options.allowed);
    const allowedList = listOf(options.allowed.map((name) => `\`<${name}>\``), "or");

    for (const table of model.tables) {
      for (const row of [table.header, ...table.rows]) {
        // The model leaves `header` unset for a table node without rows.
        if (!row) continue;
        for (const cell of row.cells) {
          const open: OpenTag[] = [];
          // One finding per tag name and cell: a list of ten items is one problem, not twenty.
          const rejected = new Set<string>();
          for (const { tag, range } of tagsOf(model, cell)) {
            const written = model.text.slice(range.start.offset, range.end.offset);
            if (!allowed.has(tag.name)) {
              if (!rejected.has(tag.name)) report({ messageId: "notAllowed", data: { tag: written, allowed: allowedList }, range });
              rejected.add(tag.name);
              continue;
            }
            if (VOID_ELEMENTS.has(tag.name) || (tag.selfClosing && !tag.closing)) continue;
            if (!tag.closing) {
              open.push({ tag, range });
              continue;
            }
            const match = findLastIndex(open, (item) => item.tag.name === tag.name);
            if (match === -1) {
              report({ messageId: "stray", data: { tag: written, name: tag.name }, range });
              continue;
            }
            // Tags opened inside the one now closed were never closed themselves.
            for (const inner of open.splice(match)) {
              if (inner.tag.name !== tag.name) reportUnclosed(model, inner, report);
            }
          }
          for (const item of open) reportUnclosed(model, item, report);
        }
      }
    }
  },
});

type Report = (descriptor: { messageId: "unclosed"; data: Record<string, string>; range: Range }) => void;

function reportUnclosed(model: ThreatModel, item: OpenTag, report: Report): void {
  const written = model.text.slice(item.range.start.offset, item.range.end.offset);
  report({ messageId: "unclosed", data: { tag: written, name: item.tag.name }, range: item.range });
}

/** Lists the tags of a cell's raw HTML, each with its range in the file. */
function tagsOf(model: ThreatModel, cell: Cell): { tag: HtmlTag; range: Range }[] {
  const tags: { tag: HtmlTag; range: Range }[] = [];
  for (const fragment of cell.html) {
    // An inline HTML node's value is its source text, so tag offsets map onto the file.
    const base = fragment.range.start.offset;
    for (const tag of scanTags(fragment.value)) {
      tags.push({ tag, range: model.rangeOf(base + tag.start, base + tag.end) });
    }
  }
  return tags;
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index--) {
    if (predicate(items[index] as T)) return index;
  }
  return -1;
}
